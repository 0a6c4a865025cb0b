package io.tenantsync.server.reconcile;

import org.hibernate.Session;

/** The per-tenant {@code tenant_sync} row (delta position, schedule, back-off), made on demand. */
final class TenantSyncRows {
  private TenantSyncRows() {}

  /** Inserts the tenant's row unless it exists. */
  static void ensure(Session session, String tenantId) {
    session
        .createNativeMutationQuery(
            "insert into tenant_sync (tenant_id, paused_until, consecutive_failures)"
                + " select t.id, 0, 0 from tenant t where t.id = :tenant and not exists"
                + " (select 1 from tenant_sync s where s.tenant_id = :tenant)")
        .setParameter("tenant", tenantId)
        .executeUpdate();
  }
}
