package io.tenantsync.server.sandbox;

import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.tenants.TenantEntity;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * One request's transaction on one tenant's sandbox: the session, the tenant, the caller, the
 * request's clock reading, and the tenant's change sequence.
 *
 * <p>{@link #nextSeq} increments the tenant's counter row ({@code sandbox_directory}). The first
 * call takes that row's lock until commit; every write transaction makes it before touching any
 * other sandbox row (see {@link SandboxStore#write}), so a tenant's writers queue on one row
 * instead of deadlocking on several, and sequence numbers are handed out in commit order: a delta
 * reader that sees the counter at {@code n} sees every change numbered up to {@code n}. Not
 * thread-safe (one per request).
 */
final class SandboxTx {
  private final Session session;
  private final TenantEntity tenant;
  private final Caller caller;
  private final long now;

  SandboxTx(Session session, TenantEntity tenant, Caller caller, long now) {
    this.session = session;
    this.tenant = tenant;
    this.caller = caller;
    this.now = now;
  }

  Session session() {
    return session;
  }

  TenantEntity tenant() {
    return tenant;
  }

  String tenantId() {
    return tenant.id();
  }

  Caller caller() {
    return caller;
  }

  /** Epoch millis, read once per request. */
  long now() {
    return now;
  }

  /** The next number of the tenant's change sequence; locks the counter row until commit. */
  long nextSeq() {
    int updated =
        session
            .createNativeMutationQuery(
                "update sandbox_directory set change_seq = change_seq + 1 where tenant_id = :t")
            .setParameter("t", tenant.id())
            .executeUpdate();
    if (updated == 0) {
      try {
        session
            .createNativeMutationQuery(
                "insert into sandbox_directory (tenant_id, change_seq, delta_floor)"
                    + " values (:t, 1, 0)")
            .setParameter("t", tenant.id())
            .executeUpdate();
      } catch (ConstraintViolationException e) {
        throw new SandboxStore.CounterRace(e);
      }
    }
    return session
        .createNativeQuery(
            "select change_seq from sandbox_directory where tenant_id = :t", Long.class)
        .setParameter("t", tenant.id())
        .getSingleResult();
  }

  /** The last committed (or, in a write transaction, own) sequence number; 0 before any change. */
  long currentSeq() {
    Long seq =
        session
            .createNativeQuery(
                "select change_seq from sandbox_directory where tenant_id = :t", Long.class)
            .setParameter("t", tenant.id())
            .uniqueResult();
    return seq == null ? 0 : seq;
  }

  /** The highest sequence whose tombstone has been pruned; delta tokens below it are stale. */
  long deltaFloor() {
    Long floor =
        session
            .createNativeQuery(
                "select delta_floor from sandbox_directory where tenant_id = :t", Long.class)
            .setParameter("t", tenant.id())
            .uniqueResult();
    return floor == null ? 0 : floor;
  }

  /** Raises the delta floor; call only while holding the counter lock. */
  void raiseDeltaFloor(long floor) {
    session
        .createNativeMutationQuery(
            "update sandbox_directory set delta_floor = :f where tenant_id = :t and delta_floor <"
                + " :f")
        .setParameter("f", floor)
        .setParameter("t", tenant.id())
        .executeUpdate();
  }
}
