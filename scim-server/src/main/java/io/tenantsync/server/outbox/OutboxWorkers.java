package io.tenantsync.server.outbox;

import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.TenantDirectory;
import io.tenantsync.server.directory.TenantDirectories;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.DatabaseKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox into the tenant directories (DESIGN.md step 4). Any number of workers on any
 * number of nodes: each takes the next due row with {@code SELECT … FOR UPDATE SKIP LOCKED}, holds
 * that row lock while it applies the change, and records the result in the same transaction, so a
 * crash at any point leaves the row pending and it is applied again (idempotently) later.
 *
 * <ul>
 *   <li>A user's rows are applied in sequence order: a row is due only when no earlier row of the
 *       same user is pending. A row that failed for good does not block the ones after it.
 *   <li>A retryable failure (tenant down, throttled) pauses the whole tenant with exponential
 *       back-off and jitter, honouring Retry-After; other tenants are not slowed.
 *   <li>After {@link #MAX_ATTEMPTS} tries, or at once for a non-retryable error, the row ends
 *       {@code failed} and the user's {@code syncState}/{@code syncError} say why.
 * </ul>
 *
 * Thread-safe; {@link #close} stops the workers and waits for in-flight rows.
 */
public final class OutboxWorkers implements AutoCloseable {
  static final int MAX_ATTEMPTS = 12;
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(OutboxWorkers.class);

  private final Database database;
  private final TenantDirectories directories;
  private final UserStateApplier applier;
  private final int threads;
  private final Duration idlePoll;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();

  public OutboxWorkers(
      Database database,
      TenantDirectories directories,
      UserStateApplier applier,
      int threads,
      Duration idlePoll) {
    this.database = database;
    this.directories = directories;
    this.applier = applier;
    this.threads = threads;
    this.idlePoll = idlePoll;
  }

  public void start() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    int count = database.kind().supportsSkipLocked() ? threads : 1;
    for (int i = 0; i < count; i++) {
      Thread worker = new Thread(this::loop, "outbox-worker-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
  }

  private void loop() {
    while (running.get()) {
      try {
        if (!processNext()) {
          Thread.sleep(idlePoll.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("outbox worker error; continuing", e);
        sleepQuietly(idlePoll.toMillis());
      }
    }
  }

  /** Applies the next due row, if any; returns whether there was one. */
  public boolean processNext() {
    return database.inPlainTransaction(this::processNext);
  }

  private boolean processNext(Session session) {
    String id = nextDue(session);
    if (id == null) {
      return false;
    }
    OutboxEntity row = session.find(OutboxEntity.class, id);
    String objectId = currentObjectId(session, row.userId());
    try {
      TenantDirectory directory = directories.forTenant(row.tenantId());
      String applied =
          applier.apply(
              directory,
              Outbox.read(row),
              objectId,
              candidate -> linkedElsewhere(session, row, candidate));
      row.succeeded();
      recordSuccess(session, row, applied);
    } catch (DirectoryException e) {
      recordFailure(session, row, e);
    } catch (RuntimeException e) {
      log.error("outbox row {} of user {} failed", row.id(), row.userId(), e);
      recordFailure(
          session,
          row,
          new DirectoryException(
              DirectoryException.Kind.UNEXPECTED,
              "internal error: " + e.getClass().getSimpleName(),
              true));
    }
    return true;
  }

  /** The id of the next row due, locked for this transaction, or null. */
  private @Nullable String nextDue(Session session) {
    long now = System.currentTimeMillis();
    String lock = database.kind() == DatabaseKind.MYSQL ? " for update skip locked" : " for update";
    return session
        .createNativeQuery(
            "select o.id from outbox o where o.status = 'pending' and o.next_attempt_at <= :now"
                + " and not exists (select 1 from outbox p where p.user_id = o.user_id"
                + " and p.status = 'pending' and p.sequence < o.sequence)"
                + " and not exists (select 1 from tenant_sync t where t.tenant_id = o.tenant_id"
                + " and t.paused_until > :now)"
                + " order by o.next_attempt_at, o.sequence limit 1"
                + lock,
            String.class)
        .setParameter("now", now)
        .uniqueResult();
  }

  /** Whether another user of the row's tenant is linked to the account {@code objectId}. */
  private static boolean linkedElsewhere(Session session, OutboxEntity row, String objectId) {
    return session
            .createNativeQuery(
                "select count(*) from scim_user where tenant_id = :tenant"
                    + " and tenant_object_id = :objectId and id <> :id",
                Long.class)
            .setParameter("tenant", row.tenantId())
            .setParameter("objectId", objectId)
            .setParameter("id", row.userId())
            .getSingleResult()
        > 0;
  }

  private static @Nullable String currentObjectId(Session session, String userId) {
    return session
        .createNativeQuery("select tenant_object_id from scim_user where id = :id", String.class)
        .setParameter("id", userId)
        .uniqueResult();
  }

  /**
   * Sync columns are operational, not client data: they change without bumping the resource's
   * version, so a client's {@code If-Match} is not invalidated by the connector's progress.
   */
  private static void recordSuccess(Session session, OutboxEntity row, @Nullable String objectId) {
    long later = laterPending(session, row);
    session
        .createNativeMutationQuery(
            "update scim_user set tenant_object_id = coalesce(:objectId, tenant_object_id),"
                + " sync_state = :state, sync_error = null where id = :id")
        .setParameter("objectId", objectId)
        .setParameter("state", later > 0 ? "pending" : "synced")
        .setParameter("id", row.userId())
        .executeUpdate();
    session
        .createNativeMutationQuery(
            "update tenant_sync set consecutive_failures = 0, paused_until = 0, last_error = null"
                + " where tenant_id = :tenant and consecutive_failures > 0")
        .setParameter("tenant", row.tenantId())
        .executeUpdate();
  }

  private static void recordFailure(Session session, OutboxEntity row, DirectoryException e) {
    boolean last = !e.retryable() || row.attempts() + 1 >= MAX_ATTEMPTS;
    long wait = backoff(row.attempts() + 1, e);
    String reason = reason(e);
    row.attemptFailed(reason, System.currentTimeMillis() + wait, last);
    session
        .createNativeMutationQuery(
            "update scim_user set sync_state = :state, sync_error = :error where id = :id")
        .setParameter("state", last ? "failed" : "pending")
        .setParameter("error", reason)
        .setParameter("id", row.userId())
        .executeUpdate();
    if (e.retryable()) {
      pauseTenant(session, row.tenantId(), wait, reason);
    }
    log.warn(
        "outbox row {} (user {}, attempt {}) {}: {}",
        row.id(),
        row.userId(),
        row.attempts(),
        last ? "failed for good" : "will be retried",
        reason);
  }

  private static void pauseTenant(Session session, String tenantId, long wait, String reason) {
    long until = System.currentTimeMillis() + wait;
    int updated =
        session
            .createNativeMutationQuery(
                "update tenant_sync set paused_until = :until, last_error = :error,"
                    + " consecutive_failures = consecutive_failures + 1 where tenant_id = :tenant")
            .setParameter("until", until)
            .setParameter("error", reason)
            .setParameter("tenant", tenantId)
            .executeUpdate();
    if (updated == 0) {
      session
          .createNativeMutationQuery(
              "insert into tenant_sync (tenant_id, paused_until, consecutive_failures, last_error)"
                  + " values (:tenant, :until, 1, :error)")
          .setParameter("tenant", tenantId)
          .setParameter("until", until)
          .setParameter("error", reason)
          .executeUpdate();
    }
  }

  private static long laterPending(Session session, OutboxEntity row) {
    return session
        .createSelectionQuery(
            "select count(*) from OutboxEntity where userId = :user and status = 'pending'"
                + " and sequence > :sequence",
            Long.class)
        .setParameter("user", row.userId())
        .setParameter("sequence", row.sequence())
        .getSingleResult();
  }

  /** Exponential back-off with jitter, capped; a Retry-After from the directory wins. */
  static long backoff(int attempt, DirectoryException e) {
    if (e.retryAfter().isPresent()) {
      return Math.min(MAX_BACKOFF.toMillis(), e.retryAfter().get().toMillis());
    }
    long base = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempt, 20));
    return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }

  private static String reason(DirectoryException e) {
    String code = e.code().map(c -> c + ": ").orElse("");
    String message = code + e.getMessage();
    return message.length() > 1000 ? message.substring(0, 1000) : message;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }
}
