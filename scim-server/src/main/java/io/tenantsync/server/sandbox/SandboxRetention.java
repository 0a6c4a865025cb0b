package io.tenantsync.server.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How long the sandbox keeps what Graph keeps for a while, and the housekeeping that enforces it.
 *
 * <ul>
 *   <li>A soft-deleted account stays in deleted items, restorable, for {@link #RESTORE_WINDOW} (30
 *       days, as in Entra ID); after that it is purged: a tombstone that delta reports as {@code
 *       "@removed":{"reason":"deleted"}}.
 *   <li>A delta token is honoured for {@link #DELTA_TOKEN_LIFETIME} (7 days, Graph's limit for
 *       directory objects); tombstones are kept that long, then pruned, raising the tenant's delta
 *       floor so that any token older than a pruned tombstone answers 410 as well.
 * </ul>
 *
 * <p>Housekeeping runs lazily, per tenant, inside the transactions of sandbox writes and delta
 * reads; no background thread. Stateless.
 */
final class SandboxRetention {
  static final Duration RESTORE_WINDOW = Duration.ofDays(30);
  static final Duration DELTA_TOKEN_LIFETIME = Duration.ofDays(7);
  private static final int PURGES_PER_REQUEST = 500;

  private SandboxRetention() {}

  /** The instant (epoch millis) before which a soft-deleted account can no longer be restored. */
  static long restoreCutoff(long now) {
    return now - RESTORE_WINDOW.toMillis();
  }

  /**
   * Purges expired deleted items and prunes old tombstones.
   *
   * @param locked whether the transaction already holds the counter lock; if not, it is taken only
   *     when there is something to do
   */
  static void housekeep(SandboxTx tx, boolean locked) {
    List<SandboxUserEntity> expired =
        tx.session()
            .createSelectionQuery(
                "from SandboxUserEntity where tenantId = :t and state = :deleted"
                    + " and deletedAt < :cutoff order by deletedAt",
                SandboxUserEntity.class)
            .setParameter("t", tx.tenantId())
            .setParameter("deleted", SandboxUserEntity.DELETED)
            .setParameter("cutoff", restoreCutoff(tx.now()))
            .setMaxResults(PURGES_PER_REQUEST)
            .getResultList();
    Long prunable =
        tx.session()
            .createSelectionQuery(
                "select max(changeSeq) from SandboxUserEntity where tenantId = :t"
                    + " and state = :purged and purgedAt < :cutoff",
                Long.class)
            .setParameter("t", tx.tenantId())
            .setParameter("purged", SandboxUserEntity.PURGED)
            .setParameter("cutoff", tx.now() - DELTA_TOKEN_LIFETIME.toMillis())
            .getSingleResult();
    if (expired.isEmpty() && prunable == null) {
      return;
    }
    if (!locked) {
      tx.nextSeq();
    }
    for (SandboxUserEntity user : expired) {
      user.purge(tx.now());
      user.changed(tx.nextSeq());
    }
    if (prunable != null) {
      tx.raiseDeltaFloor(prunable);
      tx.session()
          .createNativeMutationQuery(
              "delete from sandbox_user where tenant_id = :t and state = :purged"
                  + " and change_seq <= :seq")
          .setParameter("t", tx.tenantId())
          .setParameter("purged", SandboxUserEntity.PURGED)
          .setParameter("seq", prunable)
          .executeUpdate();
    }
    tx.session().flush();
  }
}
