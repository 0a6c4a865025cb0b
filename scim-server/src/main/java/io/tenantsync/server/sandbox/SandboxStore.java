package io.tenantsync.server.sandbox;

import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.tenants.TenantEntity;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

/**
 * The transaction boundary of the sandbox: one transaction per request, in which the tenant is
 * resolved for the caller (see {@link SandboxAccess#tenant}) and the work runs. A {@link
 * GraphError} rolls it back and reaches the client as Graph's error; a unique-constraint violation
 * becomes Graph's {@code ObjectConflict}. Thread-safe.
 */
final class SandboxStore {
  private static final int COUNTER_RACE_ATTEMPTS = 3;

  private final Database database;
  private final Clock clock;

  SandboxStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Reads (and, for delta, housekeeping that takes the counter lock only when it must). */
  <T> T read(Caller caller, String tenantId, Function<SandboxTx, T> work) {
    return run(caller, tenantId, work);
  }

  /**
   * A change: the counter lock is taken first (see {@link SandboxTx}), then expired deleted items
   * are purged, then {@code work} runs. The very first write of a tenant creates its counter row;
   * when two race to do so the loser runs again.
   */
  <T> T write(Caller caller, String tenantId, Function<SandboxTx, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return run(
            caller,
            tenantId,
            tx -> {
              tx.nextSeq();
              SandboxRetention.housekeep(tx, true);
              T result = work.apply(tx);
              tx.session().flush();
              return result;
            });
      } catch (CounterRace e) {
        if (attempt >= COUNTER_RACE_ATTEMPTS) {
          throw new IllegalStateException("cannot create the sandbox counter row", e);
        }
      }
    }
  }

  private <T> T run(Caller caller, String tenantId, Function<SandboxTx, T> work) {
    long now = clock.millis();
    try {
      return database.inPlainTransaction(
          session -> {
            TenantEntity tenant = SandboxAccess.tenant(session, caller, tenantId);
            return work.apply(new SandboxTx(session, tenant, caller, now));
          });
    } catch (ConstraintViolationException e) {
      throw conflict(e);
    }
  }

  /** Unique constraints of V4__sandbox.sql as Graph's conflict; anything else stays a failure. */
  private static RuntimeException conflict(ConstraintViolationException e) {
    String where =
        (String.valueOf(e.getConstraintName()) + " " + String.valueOf(e.getMessage()))
            .toLowerCase(Locale.ROOT);
    @Nullable String property =
        where.contains("uq_sandbox_user_upn")
            ? "userPrincipalName"
            : where.contains("uq_sandbox_sku_part_number")
                ? "skuPartNumber"
                : where.contains("uq_sandbox_sku_id") ? "skuId" : null;
    return property == null ? e : GraphError.conflict(property);
  }

  /** Two first writes of a tenant both tried to create its counter row; the loser runs again. */
  static final class CounterRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CounterRace(Throwable cause) {
      super("sandbox counter row created concurrently", cause, false, false);
    }
  }
}
