package io.tenantsync.server.outbox;

import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.TenantDirectory;
import io.tenantsync.server.directory.TenantDirectories;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.DatabaseKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>Failures follow {@link RetryPolicy}: while the tenant's directory is unavailable the whole
 *       tenant backs off (longer with each consecutive failure of that tenant) and its rows stay
 *       pending for up to {@link RetryPolicy#RETRY_WINDOW}; a change the directory refuses ends
 *       {@code failed} at once, with the directory's error code and message as the user's {@code
 *       syncError}, and pauses nothing.
 *   <li>An interrupted call (the node is shutting down) rolls back: the row is tried again as if
 *       never taken.
 * </ul>
 *
 * Thread-safe; {@link #close} stops the workers and waits for in-flight rows.
 */
public final class OutboxWorkers implements AutoCloseable {
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
      } catch (RuntimeException | Error e) {
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
              account -> otherOwner(session, row.tenantId(), row.userId(), account));
      row.succeeded();
      Outbox.forgetSecrets(row);
      recordSuccess(session, row, applied);
    } catch (DirectoryException e) {
      if (e.kind() == DirectoryException.Kind.INTERRUPTED) {
        Thread.currentThread().interrupt();
        throw e; // rolls back: the row is taken again, by this node after restart or another
      }
      if (RetryPolicy.tenantUnavailable(e)) {
        int failures = tenantFailed(session, database.kind(), row.tenantId());
        RetryPolicy.Decision decision =
            RetryPolicy.afterDirectoryError(
                e, failures, System.currentTimeMillis() - row.createdAt());
        pauseTenant(session, row.tenantId(), decision.retryInMillis(), reason(e));
        deferTenant(session, row.tenantId(), decision.retryInMillis());
        recordFailure(session, row, decision, reason(e));
      } else {
        tenantAnswered(session, row.tenantId());
        recordFailure(session, row, RetryPolicy.afterDirectoryError(e, 0, 0), reason(e));
      }
    } catch (RuntimeException | Error e) { // a row's failure, even an Error, costs only that row
      log.error("outbox row {} of user {} failed", row.id(), row.userId(), e);
      recordFailure(
          session,
          row,
          RetryPolicy.afterInternalError(row.attempts() + 1),
          "internal error: " + e.getClass().getSimpleName());
    }
    return true;
  }

  /** The id of the next row due, locked for this transaction, or null. */
  private @Nullable String nextDue(Session session) {
    return session
        .createNativeQuery(claimSql(database.kind()), String.class)
        .setParameter("now", System.currentTimeMillis())
        .uniqueResult();
  }

  /**
   * The claim: the earliest due pending row whose user has no earlier pending row and whose tenant
   * is not paused. It reads {@code ix_outbox_due} (status, next_attempt_at) up to {@code :now}, so
   * its cost follows the rows due now, not the table — rows of a paused tenant are moved past the
   * pause ({@link #deferTenant}) and are not in that range. Proven by OutboxIndexUsageIT.
   */
  static String claimSql(DatabaseKind kind) {
    String lock = kind == DatabaseKind.MYSQL ? " for update skip locked" : " for update";
    return "select o.id from outbox o where o.status = 'pending' and o.next_attempt_at <= :now"
        + " and not exists (select 1 from outbox p where p.user_id = o.user_id"
        + " and p.status = 'pending' and p.sequence < o.sequence)"
        + " and not exists (select 1 from tenant_sync t where t.tenant_id = o.tenant_id"
        + " and t.paused_until > :now)"
        + " order by o.next_attempt_at, o.sequence limit 1"
        + lock;
  }

  private static @Nullable String otherOwner(
      Session session, String tenantId, String userId, String objectId) {
    return session
        .createNativeQuery(
            "select id from scim_user where tenant_id = :tenant and tenant_object_id = :objectId"
                + " and id <> :user",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("objectId", objectId)
        .setParameter("user", userId)
        .setMaxResults(1)
        .uniqueResult();
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
    session
        .createNativeMutationQuery(
            "update scim_user set tenant_object_id = coalesce(:objectId, tenant_object_id),"
                + " sync_state = case when outbox_sequence > :sequence then 'pending'"
                + " else 'synced' end, sync_error = null, tenant_missing_since = null"
                + " where id = :id")
        .setParameter("objectId", objectId)
        .setParameter("sequence", row.sequence())
        .setParameter("id", row.userId())
        .executeUpdate();
    tenantAnswered(session, row.tenantId());
  }

  /**
   * The row is retried at the decision's time or ends {@code failed}; the user shows the reason. A
   * user whose later changes are queued stays {@code pending} (the next row carries its whole state
   * and may well succeed); {@code failed} means nothing else is on its way.
   *
   * <p>Whether later changes exist is read from the user's own {@code outbox_sequence} inside the
   * UPDATE, which runs under the user's row lock: a write committing meanwhile (which sets {@code
   * pending} and bumps the sequence) is seen, so the state is never left {@code synced} or {@code
   * failed} while a change waits.
   */
  private static void recordFailure(
      Session session, OutboxEntity row, RetryPolicy.Decision decision, String reason) {
    boolean last = decision.giveUp();
    row.attemptFailed(reason, System.currentTimeMillis() + decision.retryInMillis(), last);
    if (last) {
      Outbox.forgetSecrets(row);
    }
    session
        .createNativeMutationQuery(
            "update scim_user set sync_state = case when outbox_sequence = :sequence"
                + " then :state else 'pending' end, sync_error = :error where id = :id")
        .setParameter("state", last ? "failed" : "pending")
        .setParameter("sequence", row.sequence())
        .setParameter("error", reason)
        .setParameter("id", row.userId())
        .executeUpdate();
    log.warn(
        "outbox row {} (user {}, attempt {}) {}: {}",
        row.id(),
        row.userId(),
        row.attempts(),
        last ? "failed for good" : "will be retried",
        reason);
  }

  /**
   * Counts one more consecutive failure of the tenant's directory; returns the new count. On MySQL
   * several workers may fail for one tenant at once, so the row is made or counted up in one
   * statement (an update-then-insert would let two of them insert); H2 gets the standard MERGE.
   */
  private static int tenantFailed(Session session, DatabaseKind kind, String tenantId) {
    String count =
        kind == DatabaseKind.MYSQL
            ? "insert into tenant_sync (tenant_id, paused_until, consecutive_failures)"
                + " values (:tenant, 0, 1)"
                + " on duplicate key update consecutive_failures = consecutive_failures + 1"
            : "merge into tenant_sync s using (values (cast(:tenant as varchar(36)))) v (tenant_id)"
                + " on s.tenant_id = v.tenant_id"
                + " when matched then update set consecutive_failures = s.consecutive_failures + 1"
                + " when not matched then insert (tenant_id, paused_until, consecutive_failures)"
                + " values (v.tenant_id, 0, 1)";
    session.createNativeMutationQuery(count).setParameter("tenant", tenantId).executeUpdate();
    return session
        .createNativeQuery(
            "select consecutive_failures from tenant_sync where tenant_id = :tenant", Integer.class)
        .setParameter("tenant", tenantId)
        .getSingleResult();
  }

  private static void pauseTenant(Session session, String tenantId, long wait, String reason) {
    session
        .createNativeMutationQuery(
            "update tenant_sync set paused_until = :until, last_error = :error"
                + " where tenant_id = :tenant")
        .setParameter("until", System.currentTimeMillis() + wait)
        .setParameter("error", reason)
        .setParameter("tenant", tenantId)
        .executeUpdate();
  }

  /**
   * Moves the paused tenant's other pending rows to the end of the pause, so that claims do not
   * read through a down tenant's backlog. Rows another worker holds are skipped (it records its own
   * outcome), so two workers failing on one tenant never wait for each other.
   */
  private void deferTenant(Session session, String tenantId, long wait) {
    long until = System.currentTimeMillis() + wait;
    String lock = database.kind() == DatabaseKind.MYSQL ? " for update skip locked" : " for update";
    List<String> ids =
        session
            .createNativeQuery(
                "select id from outbox where tenant_id = :tenant and status = 'pending'"
                    + " and next_attempt_at < :until"
                    + lock,
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("until", until)
            .getResultList();
    for (int from = 0; from < ids.size(); from += 1000) {
      session
          .createNativeMutationQuery("update outbox set next_attempt_at = :until where id in :ids")
          .setParameter("until", until)
          .setParameterList("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .executeUpdate();
    }
  }

  /** The tenant's directory answered: its back-off starts over. */
  private static void tenantAnswered(Session session, String tenantId) {
    session
        .createNativeMutationQuery(
            "update tenant_sync set consecutive_failures = 0, paused_until = 0, last_error = null"
                + " where tenant_id = :tenant and consecutive_failures > 0")
        .setParameter("tenant", tenantId)
        .executeUpdate();
  }

  /** The directory's error code and message, e.g. for the user's {@code syncError}. */
  static String reason(DirectoryException e) {
    String message = e.getMessage();
    if (e.code().isPresent() && !message.contains(e.code().get())) {
      message = e.code().get() + ": " + message;
    }
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
