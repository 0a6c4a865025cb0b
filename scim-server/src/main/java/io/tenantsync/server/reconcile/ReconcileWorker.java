package io.tenantsync.server.reconcile;

import io.tenantsync.connector.DirectoryException;
import io.tenantsync.server.directory.TenantDirectories;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.DatabaseKind;
import io.tenantsync.server.persistence.Ids;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread per node that schedules and runs reconciliations.
 *
 * <ul>
 *   <li><b>Schedule</b> ({@code TENANTSYNC_RECONCILE_INTERVAL}, {@link Duration#ZERO} disables): a
 *       tenant is first seen, then reconciled once per interval. The next due time is moved on by a
 *       conditional UPDATE, so among many nodes exactly one enqueues each run.
 *   <li><b>Run</b>: the oldest pending run is claimed with {@code SELECT … FOR UPDATE SKIP LOCKED},
 *       never while another run of the same tenant is under way (the tenant's {@code tenant_sync}
 *       row is locked while claiming), and marked {@code running} before the work starts outside
 *       any transaction. A run left {@code running} by a node that died is taken again after {@link
 *       #STALE_AFTER}.
 *   <li><b>Isolation</b>: whatever one tenant's run or scheduling throws — a directory error, a
 *       bug, even an {@link Error} such as running out of memory on a huge tenant — is logged and
 *       recorded on that run ({@code failed}, with the error's class); the worker goes on with the
 *       other tenants and the schedule never stops.
 * </ul>
 */
public final class ReconcileWorker implements AutoCloseable {
  static final Duration STALE_AFTER = Duration.ofMinutes(30);
  private static final Logger log = LoggerFactory.getLogger(ReconcileWorker.class);

  /** Runs one reconciliation; {@link Reconciler#run} in production. */
  @FunctionalInterface
  interface Runner {
    Reconciler.Outcome run(String reconciliationId, String tenantId, String requestedMode);
  }

  private final Database database;
  private final Runner reconciler;
  private final Duration interval;
  private final Duration poll;
  private final AtomicBoolean running = new AtomicBoolean();
  private @Nullable Thread thread;

  public ReconcileWorker(
      Database database, TenantDirectories directories, Duration interval, Duration poll) {
    this(database, new Reconciler(database, directories)::run, interval, poll);
  }

  ReconcileWorker(Database database, Runner reconciler, Duration interval, Duration poll) {
    this.database = database;
    this.reconciler = reconciler;
    this.interval = interval;
    this.poll = poll;
  }

  public void start() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    Thread worker = new Thread(this::loop, "reconcile-worker");
    worker.setDaemon(true);
    worker.start();
    thread = worker;
  }

  private void loop() {
    while (running.get()) {
      try {
        if (!interval.isZero()) {
          schedule();
        }
        if (!runNext()) {
          Thread.sleep(poll.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        log.error("reconcile worker error; continuing", e);
        try {
          Thread.sleep(poll.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Enqueues a run for every tenant whose interval has passed. */
  void schedule() {
    long now = System.currentTimeMillis();
    List<String> due =
        database.inPlainTransaction(
            session ->
                session
                    .createNativeQuery(
                        "select t.id from tenant t left join tenant_sync s on s.tenant_id = t.id"
                            + " where s.next_reconcile_at is null or s.next_reconcile_at <= :now",
                        String.class)
                    .setParameter("now", now)
                    .getResultList());
    for (String tenantId : due) {
      try {
        enqueueIfDue(tenantId, now);
      } catch (RuntimeException | Error e) {
        log.error("cannot schedule the reconciliation of tenant {}; continuing", tenantId, e);
      }
    }
  }

  private void enqueueIfDue(String tenantId, long now) {
    database.inPlainTransaction(
        session -> {
          TenantSyncRows.ensure(session, tenantId);
          long next = now + interval.toMillis();
          boolean firstSighting =
              moveNext(session, tenantId, next, "next_reconcile_at is null", now);
          if (!firstSighting
              && moveNext(session, tenantId, next, "next_reconcile_at <= :now", now)) {
            session.persist(
                new ReconciliationEntity(
                    Ids.newId(),
                    tenantId,
                    ReconciliationEntity.MODE_DELTA,
                    ReconciliationEntity.TRIGGER_SCHEDULE));
          }
          return null;
        });
  }

  private static boolean moveNext(
      Session session, String tenantId, long next, String condition, long now) {
    var update =
        session
            .createNativeMutationQuery(
                "update tenant_sync set next_reconcile_at = :next where tenant_id = :tenant and "
                    + condition)
            .setParameter("next", next)
            .setParameter("tenant", tenantId);
    if (condition.contains(":now")) {
      update.setParameter("now", now);
    }
    return update.executeUpdate() == 1;
  }

  /** Claims and runs the oldest pending run, if any; returns whether there was one. */
  public boolean runNext() {
    ReconciliationEntity claimed = database.inPlainTransaction(this::claim);
    if (claimed == null) {
      return false;
    }
    RunCounts counts = RunCounts.ZERO;
    String mode = claimed.mode();
    String error = null;
    try {
      Reconciler.Outcome outcome = reconciler.run(claimed.id(), claimed.tenantId(), mode);
      counts = outcome.counts();
      mode = outcome.mode();
    } catch (DirectoryException e) {
      error = "the tenant directory failed: " + e.getMessage();
      log.warn("reconciliation {} of tenant {}: {}", claimed.id(), claimed.tenantId(), error);
    } catch (RuntimeException | Error e) { // one tenant's failure never stops the worker
      error = "internal error: " + e.getClass().getSimpleName();
      log.error("reconciliation {} of tenant {} failed", claimed.id(), claimed.tenantId(), e);
    }
    finish(claimed.id(), mode, counts, error);
    return true;
  }

  private @Nullable ReconciliationEntity claim(Session session) {
    long now = System.currentTimeMillis();
    long stale = now - STALE_AFTER.toMillis();
    String lock = database.kind() == DatabaseKind.MYSQL ? " for update skip locked" : " for update";
    String id =
        session
            .createNativeQuery(
                "select r.id from reconciliation r where (r.status = 'pending'"
                    + " or (r.status = 'running' and r.started_at < :stale))"
                    + " and not exists (select 1 from reconciliation x where x.tenant_id ="
                    + " r.tenant_id and x.status = 'running' and x.started_at >= :stale)"
                    + " order by r.created_at, r.id limit 1"
                    + lock,
                String.class)
            .setParameter("stale", stale)
            .uniqueResult();
    if (id == null) {
      return null;
    }
    ReconciliationEntity run = session.find(ReconciliationEntity.class, id);
    TenantSyncRows.ensure(session, run.tenantId());
    session
        .createNativeQuery(
            "select tenant_id from tenant_sync where tenant_id = :tenant for update", String.class)
        .setParameter("tenant", run.tenantId())
        .getResultList();
    long busy =
        session
            .createNativeQuery(
                "select count(*) from reconciliation where tenant_id = :tenant"
                    + " and status = 'running' and started_at >= :stale and id <> :id",
                Long.class)
            .setParameter("tenant", run.tenantId())
            .setParameter("stale", stale)
            .setParameter("id", id)
            .getSingleResult();
    if (busy > 0) {
      return null; // another node claimed a run of this tenant meanwhile
    }
    run.started(run.mode(), now);
    return run;
  }

  private void finish(String id, String mode, RunCounts counts, @Nullable String error) {
    database.inPlainTransaction(
        session -> {
          ReconciliationEntity run = session.find(ReconciliationEntity.class, id);
          if (run != null) {
            run.started(
                mode, run.startedAt() == null ? System.currentTimeMillis() : run.startedAt());
            run.finished(counts, error, System.currentTimeMillis());
          }
          return null;
        });
  }

  @Override
  public void close() {
    running.set(false);
    Thread worker = thread;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
