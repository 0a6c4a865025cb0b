package io.tenantsync.connector.reconcile;

import io.tenantsync.connector.DirectoryChange;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the changes of one delta round to the expected accounts: an upserted account is
 * classified like one of a full listing; a removed one becomes {@link ReconcileFinding.Missing}
 * when expected (soft- or hard-deleted, from Graph's {@code @removed.reason}) and {@link
 * ReconcileFinding.UnmanagedRemoved} otherwise. Never reports accounts the round did not mention.
 *
 * <p>The expected accounts are looked up per change, so the server can fetch just the ids a round
 * mentions. Not thread-safe: one per round.
 */
public final class DeltaReconciler {

  private final Function<String, Optional<ExpectedAccount>> lookup;
  private final Tally tally;

  /**
   * @param lookup the expected account for an object id, if the server manages or retains it
   * @param sink receives each finding as it is made
   */
  public DeltaReconciler(
      Function<String, Optional<ExpectedAccount>> lookup, Consumer<? super ReconcileFinding> sink) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.tally = new Tally(Objects.requireNonNull(sink, "sink"));
  }

  /** A reconciler over an in-memory map keyed by object id (case-insensitive). */
  public static DeltaReconciler of(
      Map<String, ExpectedAccount> expectedById, Consumer<? super ReconcileFinding> sink) {
    Map<String, ExpectedAccount> byKey = new HashMap<>();
    expectedById.values().forEach(a -> byKey.put(AccountComparison.key(a.tenantObjectId()), a));
    return new DeltaReconciler(
        id -> Optional.ofNullable(byKey.get(AccountComparison.key(id))), sink);
  }

  public void apply(DirectoryChange change) {
    Optional<ExpectedAccount> expected = lookup.apply(change.id());
    if (change instanceof DirectoryChange.Upserted upserted) {
      tally.seen(expected.orElse(null), upserted.user());
    } else if (change instanceof DirectoryChange.Removed removed) {
      tally.scannedOnly();
      if (expected.isPresent()) {
        tally.missing(
            expected.get(),
            removed.restorable()
                ? ReconcileFinding.Missing.Reason.SOFT_DELETED
                : ReconcileFinding.Missing.Reason.HARD_DELETED);
      } else {
        tally.removedUnmanaged(removed.id(), removed.restorable());
      }
    }
  }

  public ReconcileCounts counts() {
    return tally.counts();
  }
}
