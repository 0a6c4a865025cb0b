package io.tenantsync.server.users;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes users deleted for real (R20) once their {@link DeletedUserService#RETENTION} has passed,
 * as the tenant directory purges its soft-deleted accounts: the row goes with its emails, roles and
 * name reservations (foreign-key cascade), so the userName and initialUserName it held are free
 * again (R16). A user whose deletion has not reached the tenant yet (an outbox row still pending)
 * is kept until it has.
 *
 * <p>Runs every {@link #INTERVAL} on one daemon thread per node; nodes may purge at once (the
 * deletes are idempotent). Thread-safe.
 */
public final class DeletedUserPurge implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofHours(1);
  private static final int BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(DeletedUserPurge.class);

  private final Database database;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "deleted-user-purge");
            thread.setDaemon(true);
            return thread;
          });

  public DeletedUserPurge(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Purges now and then every {@link #INTERVAL}. */
  public void start() {
    scheduler.scheduleWithFixedDelay(this::purgeLogged, 1, INTERVAL.toSeconds(), TimeUnit.SECONDS);
  }

  private void purgeLogged() {
    try {
      int purged = purgeExpired();
      if (purged > 0) {
        log.info(
            "purged {} user(s) deleted more than {} ago", purged, DeletedUserService.RETENTION);
      }
    } catch (RuntimeException | ScimException e) {
      log.warn("purging deleted users failed; next try in {}", INTERVAL, e);
    }
  }

  /** Purges every user whose retention has passed, in batches; returns how many. */
  public int purgeExpired() throws ScimException {
    long cutoff = clock.millis() - DeletedUserService.RETENTION.toMillis();
    int total = 0;
    while (true) {
      int purged = database.inTransaction(session -> purgeBatch(session, cutoff));
      total += purged;
      if (purged < BATCH) {
        return total;
      }
    }
  }

  private static int purgeBatch(org.hibernate.Session session, long cutoff) {
    List<String> ids =
        session
            .createNativeQuery(
                "select u.id from scim_user u where u.deleted_at is not null"
                    + " and u.deleted_at <= :cutoff and not exists (select 1 from outbox o"
                    + " where o.user_id = u.id and o.status = 'pending')",
                String.class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(BATCH)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    return session
        .createNativeMutationQuery("delete from scim_user where id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
