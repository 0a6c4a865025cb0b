package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.server.auth.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /users/delta}. A round covers the changes numbered {@code (from, upTo]} of the
 * tenant's change sequence, {@code upTo} being the sequence when the round started; pages follow
 * the sequence (keyset), so a page never repeats or skips a change, and an account changed during
 * the round simply belongs to the next one. The first round ({@code from} 0) lists the live
 * accounts; later rounds list each account changed since, once, in its latest state: live ones with
 * the selected properties, soft-deleted ones as {@code {"id","@removed":{"reason":"changed"}}},
 * hard-deleted ones with {@code "reason":"deleted"}.
 *
 * <p>A round's position travels in the opaque tokens of its links; a position older than {@link
 * SandboxRetention#DELTA_TOKEN_LIFETIME}, or older than a pruned tombstone, is refused with 410.
 * Thread-safe.
 */
final class SandboxDelta {
  private final SandboxStore store;

  SandboxDelta(SandboxStore store) {
    this.store = store;
  }

  /**
   * Where a round stands.
   *
   * @param from the last change already delivered (0: an initial round)
   * @param upTo the end of the round, or -1 before the round has fixed it
   * @param initial whether this round lists live accounts only
   * @param issuedAt when the round (or the round that issued its delta link) started, epoch millis
   */
  record Position(long from, long upTo, boolean initial, Set<String> select, long issuedAt) {}

  /**
   * One page: its entries, and either the position of the next page or, at the end of the round,
   * the position of the next round ({@code deltaLink}).
   */
  record Page(List<ObjectNode> value, @Nullable Position next, @Nullable Position nextRound) {}

  /** The first page of a new round from scratch. */
  static Position initial(Set<String> select) {
    return new Position(0, -1, true, select, 0);
  }

  Page page(Caller caller, String tenantId, Position position, int pageSize) {
    return store.read(
        caller,
        tenantId,
        tx -> {
          SandboxRetention.housekeep(tx, false);
          if (!position.initial()
              && (tx.now() - position.issuedAt() > SandboxRetention.DELTA_TOKEN_LIFETIME.toMillis()
                  || position.from() < tx.deltaFloor())) {
            throw GraphError.resyncRequired();
          }
          long upTo = position.upTo() >= 0 ? position.upTo() : tx.currentSeq();
          long issuedAt = position.upTo() >= 0 ? position.issuedAt() : tx.now();
          SelectionQuery<SandboxUserEntity> query =
              tx.session()
                  .createSelectionQuery(
                      "from SandboxUserEntity where tenantId = :t and changeSeq > :from"
                          + " and changeSeq <= :upTo"
                          + (position.initial() ? " and state = :active" : "")
                          + " order by changeSeq",
                      SandboxUserEntity.class)
                  .setParameter("t", tx.tenantId())
                  .setParameter("from", position.from())
                  .setParameter("upTo", upTo)
                  .setMaxResults(pageSize + 1);
          if (position.initial()) {
            query.setParameter("active", SandboxUserEntity.ACTIVE);
          }
          List<SandboxUserEntity> users = query.getResultList();
          boolean more = users.size() > pageSize;
          List<SandboxUserEntity> shown = more ? users.subList(0, pageSize) : users;
          Set<String> select = withId(position.select());
          List<ObjectNode> value = shown.stream().map(u -> entry(u, select)).toList();
          if (more) {
            long last = shown.get(shown.size() - 1).changeSeq();
            return new Page(
                value,
                new Position(last, upTo, position.initial(), position.select(), issuedAt),
                null);
          }
          return new Page(value, null, new Position(upTo, -1, false, position.select(), tx.now()));
        });
  }

  /** {@code $deltatoken=latest}: no entries, only a delta link from now on. */
  Page latest(Caller caller, String tenantId, Set<String> select) {
    return store.read(
        caller,
        tenantId,
        tx ->
            new Page(List.of(), null, new Position(tx.currentSeq(), -1, false, select, tx.now())));
  }

  private static ObjectNode entry(SandboxUserEntity user, Set<String> select) {
    if (user.isActive()) {
      return GraphUsers.toJson(user, select);
    }
    ObjectNode removed = SandboxJson.object();
    removed.put("id", user.id());
    removed.putObject("@removed").put("reason", user.isDeleted() ? "changed" : "deleted");
    return removed;
  }

  /** Delta entries always carry {@code id}, whatever was selected. */
  private static Set<String> withId(Set<String> select) {
    if (select.contains("id")) {
      return select;
    }
    Set<String> with = new HashSet<>(select);
    with.add("id");
    return Set.copyOf(with);
  }
}
