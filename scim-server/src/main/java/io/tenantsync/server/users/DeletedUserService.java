package io.tenantsync.server.users;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.groups.GroupMemberships;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.Shown;
import io.tenantsync.server.protocol.TenantResourceService;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.Scope;
import io.tenantsync.server.protocol.query.SearchQuery;
import io.tenantsync.server.protocol.query.ValueType;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.hibernate.Session;

/**
 * Deleting an account for real and restoring it (R20), explicit actions of Full administration or
 * the tenant, apart from SCIM's DELETE (which only unassigns, API.md rule 7):
 *
 * <ul>
 *   <li>delete: a user name on a custom domain is first reverted to its {@code initialUserName}
 *       (R6: the tenant can only delete accounts on the initial domain), licenses are released, the
 *       account is soft-deleted in the tenant through the outbox, and the user leaves {@code
 *       /Users};
 *   <li>restore: within {@link #RETENTION} the account comes back, under its initial user name,
 *       without licenses; after that it is gone (404).
 * </ul>
 *
 * An unmanaged user is refused (403); a directory-synced one is deleted on-premises (400).
 */
public final class DeletedUserService implements TenantResourceService<DeletedUserResource> {
  public static final Duration RETENTION = Duration.ofDays(30);
  static final String ENDPOINT = "DeletedUsers";

  /** Filterable and sortable: id and user (exact), userName (any case), deletedAt, meta dates. */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("u")
          .coreSchema(DeletedUserResource.SCHEMA)
          .auditable()
          .attribute("user", AttributeColumn.caseExactString("id").asSortable())
          .attribute("userName", AttributeColumn.lowerCasedString("userNameCi").asSortable())
          .attribute("deletedAt", AttributeColumn.of("deletedAt", ValueType.DATETIME).asSortable())
          .build();

  private final Database database;
  private final SearchQuery<UserEntity> search;

  public DeletedUserService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
            UserEntity.class,
            "DeletedUser",
            CATALOG,
            "u.tenantId = :tenant and u.deletedAt > :since",
            cursors,
            cursorTimeoutMillis);
  }

  @Override
  public DeletedUserResource create(
      Caller caller, String tenantId, DeletedUserResource request, Locations locations)
      throws ScimException {
    if (request.getUser() == null || request.getUser().isBlank()) {
      throw BadRequestException.invalidValue("user (the id of the user to delete) is required");
    }
    return database.inTransactionRetrying(
        4,
        session -> {
          TenantAccess.resolve(session, caller, tenantId).requireFull("delete accounts");
          UserEntity user = session.find(UserEntity.class, request.getUser());
          if (user == null || !user.tenantId().equals(tenantId) || user.deletedAt() != null) {
            throw BadRequestException.invalidValue("no user " + request.getUser() + " to delete");
          }
          if (!user.managed()) {
            throw new ForbiddenException("this user is unmanaged: adopt it before deleting it");
          }
          if (UserSource.DIRECTORY_SYNC.equals(user.source())) {
            throw BadRequestException.invalidValue(
                "this user is synchronised from an on-premises directory: delete it there");
          }
          String former = user.userName();
          AccessWriter.releaseAll(session, user);
          GroupMemberships.removeMember(session, tenantId, user.id());
          session
              .createNativeMutationQuery("delete from user_role where user_id = :user")
              .setParameter("user", user.id())
              .executeUpdate();
          if (!user.userName().equalsIgnoreCase(user.initialUserName())) {
            user.setUserName(user.initialUserName());
          }
          user.setRetained(false);
          user.setDeletedAt(System.currentTimeMillis());
          user.touch();
          session.flush();
          UserService.appendOutbox(session, user, null);
          return toResource(user, former, locations);
        });
  }

  @Override
  public DeletedUserResource get(Caller caller, String tenantId, String id, Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          return toResource(deleted(session, tenantId, id), null, locations);
        });
  }

  /** The accounts deleted within the retention window, restorable. */
  @Override
  public ListPage<DeletedUserResource> list(
      Caller caller, String tenantId, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<UserEntity>.Prepared query = search.prepare(request);
    long since = System.currentTimeMillis() - RETENTION.toMillis();
    Scope scope = new Scope(tenantId, null, Map.of("tenant", tenantId, "since", since));
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          return query.run(session, scope).map(user -> toResource(user, null, locations));
        });
  }

  /** Brings a deleted account back within the retention window; returns the User. */
  public Shown restore(Caller caller, String tenantId, String id, Locations locations)
      throws ScimException {
    return database.inTransactionRetrying(
        4,
        session -> {
          TenantAccess.resolve(session, caller, tenantId).requireFull("restore accounts");
          UserEntity user = deleted(session, tenantId, id);
          user.setDeletedAt(null);
          user.touch();
          session.flush();
          UserService.appendOutbox(session, user, null);
          return Shown.of(
              UserMapper.toResource(user, UserAccess.NONE, locations),
              UserSchemas.USER,
              Projection.none());
        });
  }

  private static UserEntity deleted(Session session, String tenantId, String id)
      throws ResourceNotFoundException {
    UserEntity user = session.find(UserEntity.class, id);
    long since = System.currentTimeMillis() - RETENTION.toMillis();
    if (user == null
        || !user.tenantId().equals(tenantId)
        || user.deletedAt() == null
        || user.deletedAt() <= since) {
      throw new ResourceNotFoundException("no deleted user " + id + " (restorable for 30 days)");
    }
    return user;
  }

  private static DeletedUserResource toResource(
      UserEntity user,
      @org.jspecify.annotations.Nullable String formerUserName,
      Locations locations) {
    DeletedUserResource resource = new DeletedUserResource();
    resource.setId(user.id());
    resource.setUserName(user.userName());
    resource.setFormerUserName(formerUserName);
    long deletedAt = user.deletedAt();
    resource.setDeletedAt(new Date(deletedAt));
    resource.setRestorableUntil(new Date(deletedAt + RETENTION.toMillis()));
    resource.setMeta(
        Metas.of(
            user, "DeletedUser", locations.tenantResource(user.tenantId(), ENDPOINT, user.id())));
    return resource;
  }
}
