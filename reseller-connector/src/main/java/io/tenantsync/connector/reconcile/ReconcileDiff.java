package io.tenantsync.connector.reconcile;

import io.tenantsync.connector.DirectoryUser;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Diffs a full directory listing against the expected accounts, streaming.
 *
 * <pre>{@code
 * ReconcileDiff diff = new ReconcileDiff(expectedById, findings::add);
 * directory.listUsers(diff::accept);
 * ReconcileCounts counts = diff.finish(); // emits Missing for expected accounts never seen
 * }</pre>
 *
 * <p>Each accepted account is classified at once ({@link ReconcileFinding.Unmanaged}, {@link
 * ReconcileFinding.Drifted}, or counted as retained or matched); an object id seen twice (a listing
 * that shifted under paging) counts once. Memory is the expected accounts plus the ids of unmanaged
 * accounts seen, independent of page count: 100,000 expected accounts take a few tens of megabytes.
 * Not thread-safe: feed it from one thread, as {@code listUsers} does.
 */
public final class ReconcileDiff {

  private final Map<String, ExpectedAccount> expected;
  private final Set<String> unseen;
  private final Set<String> unmanagedSeen = new HashSet<>();
  private final Tally tally;
  private boolean finished;

  /**
   * @param expectedById the expected accounts keyed by tenant object id (keys are checked against
   *     {@link ExpectedAccount#tenantObjectId()}); copied, not retained
   * @param sink receives each finding as it is made
   */
  public ReconcileDiff(
      Map<String, ExpectedAccount> expectedById, Consumer<? super ReconcileFinding> sink) {
    this(expectedById.values(), sink);
    for (Map.Entry<String, ExpectedAccount> e : expectedById.entrySet()) {
      if (!e.getKey().equalsIgnoreCase(e.getValue().tenantObjectId())) {
        throw new IllegalArgumentException(
            "key " + e.getKey() + " is not the object id " + e.getValue().tenantObjectId());
      }
    }
  }

  public ReconcileDiff(
      Collection<ExpectedAccount> expectedAccounts, Consumer<? super ReconcileFinding> sink) {
    this.tally = new Tally(Objects.requireNonNull(sink, "sink"));
    this.expected = new HashMap<>(Math.max(16, (int) (expectedAccounts.size() / 0.75f) + 1));
    for (ExpectedAccount account : expectedAccounts) {
      ExpectedAccount previous =
          expected.put(AccountComparison.key(account.tenantObjectId()), account);
      if (previous != null) {
        throw new IllegalArgumentException(
            "object id expected twice: " + previous.tenantObjectId());
      }
    }
    this.unseen = new HashSet<>(expected.keySet());
  }

  /** Classifies one account of the listing. */
  public void accept(DirectoryUser user) {
    if (finished) {
      throw new IllegalStateException("diff already finished");
    }
    String key = AccountComparison.key(user.id());
    ExpectedAccount account = expected.get(key);
    boolean firstSighting = account != null ? unseen.remove(key) : unmanagedSeen.add(key);
    if (firstSighting) {
      tally.seen(account, user);
    }
  }

  /**
   * Whether the listing so far held the account {@code objectId}: after {@link #finish}, whether
   * the tenant has it. The server uses it to drop unmanaged Users whose account was not listed.
   */
  public boolean listed(String objectId) {
    String key = AccountComparison.key(objectId);
    return unmanagedSeen.contains(key) || (expected.containsKey(key) && !unseen.contains(key));
  }

  /** Emits {@link ReconcileFinding.Missing} for every expected account not seen; returns counts. */
  public ReconcileCounts finish() {
    if (!finished) {
      finished = true;
      for (String key : unseen) {
        tally.missing(expected.get(key), ReconcileFinding.Missing.Reason.NOT_LISTED);
      }
    }
    return tally.counts();
  }
}
