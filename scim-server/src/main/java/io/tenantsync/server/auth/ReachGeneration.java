package io.tenantsync.server.auth;

import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.relationships.RelationshipEntity;
import io.tenantsync.server.resellers.ResellerEntity;
import io.tenantsync.server.tenants.TenantEntity;
import java.sql.PreparedStatement;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * A counter in the database ({@code reach_generation}, one row) that every change which can narrow
 * what a stored token reaches increments in the change's own transaction: a token revoked or
 * deleted; a delegated-admin relationship terminated, recorded as expired, changed or deleted; a
 * reseller or tenant removed. So a reach resolved in a statement that also read the counter holds,
 * on any node, for as long as a later statement reads the same value ({@link ReachCache}); changes
 * that only widen a reach (a new token, a new relationship) need no increment.
 *
 * <p>Entity changes increment it on their own ({@link #watch}); a bulk update of those tables,
 * which Hibernate raises no entity events for, must call {@link #bumpOnCommit}. The increment runs
 * just before the transaction commits, after every other statement of it, so the counter row is
 * always the last lock a transaction takes (no lock-order cycle with it).
 */
public final class ReachGeneration {
  /** The counter's column, in a statement that adds {@link #from} or {@link #JOIN}. */
  public static final String COLUMN = "rg.generation";

  /** The counter joined onto a statement whose other tables it does not depend on. */
  public static final String JOIN = " join reach_generation rg on rg.id = 1";

  private static final String BUMP =
      "update reach_generation set generation = generation + 1 where id = 1";

  /** Whose updates can narrow a reach; removing any of these, or a tenant or reseller, can too. */
  private static final Set<Class<?>> UPDATED =
      Set.of(ApiTokenEntity.class, RelationshipEntity.class);

  private static final Set<Class<?>> REMOVED =
      Set.of(
          ApiTokenEntity.class, RelationshipEntity.class, TenantEntity.class, ResellerEntity.class);

  private ReachGeneration() {}

  /** {@code from …} of a statement that reads the counter and whatever {@code join} adds. */
  public static String from(String join) {
    return " from reach_generation rg " + join + " where rg.id = 1";
  }

  /** Increments the counter when the changes above commit, through {@code database}'s sessions. */
  public static void watch(Database database) {
    Listener listener = new Listener();
    database.appendListener(EventType.POST_UPDATE, listener);
    database.appendListener(EventType.POST_DELETE, listener);
  }

  /** Increments the counter just before {@code session}'s transaction commits. */
  public static void bumpOnCommit(Session session) {
    ((EventSource) session)
        .getActionQueue()
        .registerProcess(
            (SessionImplementor committing) ->
                committing.doWork(
                    connection -> {
                      try (PreparedStatement bump = connection.prepareStatement(BUMP)) {
                        bump.executeUpdate();
                      }
                    }));
  }

  private static final class Listener implements PostUpdateEventListener, PostDeleteEventListener {
    @Override
    public void onPostUpdate(PostUpdateEvent event) {
      if (any(UPDATED, event.getEntity())) {
        bumpOnCommit(event.getSession());
      }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
      if (any(REMOVED, event.getEntity())) {
        bumpOnCommit(event.getSession());
      }
    }

    private static boolean any(Set<Class<?>> types, Object entity) {
      return types.stream().anyMatch(type -> type.isInstance(entity));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
      return false;
    }
  }
}
