package io.tenantsync.server.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.auth.TenantGrant;
import io.tenantsync.server.groups.GroupMemberships;
import io.tenantsync.server.outbox.Outbox;
import io.tenantsync.server.persistence.ConcurrentUpdateException;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.persistence.SecretBox;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.PatchRequests;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.SchemaViolations;
import io.tenantsync.server.protocol.Shown;
import io.tenantsync.server.tenants.TenantEntity;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Users of one tenant. Each public method is one transaction that first resolves the caller's grant
 * on the tenant (404 out of reach), then applies the rules; responses are projected as the client
 * asked.
 *
 * <p>Writes without {@code If-Match} are retried when a concurrent writer wins the optimistic lock,
 * so no update is lost; with {@code If-Match} the loser gets 412.
 *
 * <p>DELETE does not remove the tenant account (API.md rule 7): the row is kept as {@code
 * retained}, answers 404 over SCIM, and a later POST of the same person (same externalId, else same
 * userName) re-links it instead of creating a second account.
 */
public final class UserService {
  private static final int WRITE_ATTEMPTS = 8;

  private final Database database;
  private final UserQueries queries;
  private final SecretBox secretBox;

  public UserService(Database database, UserQueries queries, SecretBox secretBox) {
    this.database = database;
    this.queries = queries;
    this.secretBox = secretBox;
  }

  public Shown create(
      Caller caller,
      String tenantId,
      ObjectNode request,
      Projection projection,
      Locations locations)
      throws ScimException {
    Set<Path> written = topLevelPaths(request);
    Database.Work<Shown> work =
        session -> {
          TenantGrant grant = TenantAccess.resolve(session, caller, tenantId);
          grant.requireFull("create users");
          String password = password(request);
          UserSchemas.checkCreate(request);
          TenantEntity tenant = session.find(TenantEntity.class, tenantId);
          String userName = UserMapper.text(request, "userName");
          UserNames.checkDomain(tenant, userName);
          String externalId = UserMapper.text(request, "externalId");
          UserEntity user = retained(session, tenantId, externalId, userName).orElse(null);
          if (user == null) {
            requireFree(session, tenantId, userName, externalId, null);
            user = new UserEntity(Ids.newId(), tenantId);
            user.setInitialUserName(UserNames.reserveInitialUserName(session, tenant, userName));
            UserMapper.write(request, user);
            session.persist(user);
          } else {
            requireFree(session, tenantId, userName, externalId, user.id());
            user.setRetained(false);
            UserMapper.write(request, user);
            user.touch();
          }
          session.flush();
          Set<String> entitlements = UserMapper.values(request, "entitlements");
          Set<String> roles = UserMapper.values(request, "roles");
          AccessWriter.apply(
              session,
              user,
              tenant.settings(),
              entitlements == null ? Set.of() : entitlements,
              roles == null ? Set.of() : roles);
          return finish(session, user, password, projection, written, locations);
        };
    try {
      return database.inTransaction(work);
    } catch (ResourceConflictException e) {
      // The database refused a name a concurrent request took after this one's checks (V9's
      // unique keys). Once more, the checks see it: a precise 409, or the next free
      // initialUserName suffix (R16).
      return database.inTransaction(work);
    }
  }

  public Shown get(
      Caller caller, String tenantId, String id, Projection projection, Locations locations)
      throws ScimException {
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          UserEntity user = find(session, tenantId, id);
          return Shown.of(
              UserMapper.toResource(user, UserAccess.load(session, id), locations),
              UserSchemas.USER,
              projection);
        });
  }

  public ListPage<GenericScimResource> list(
      Caller caller, String tenantId, ListRequest request, Locations locations)
      throws ScimException {
    var query = queries.prepare(request);
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          ListPage<UserEntity> page = query.run(session, tenantId);
          Map<String, UserAccess> access =
              UserAccess.load(session, page.resources().stream().map(UserEntity::id).toList());
          return page.map(
              user ->
                  request
                      .projection()
                      .apply(
                          UserSchemas.USER,
                          UserMapper.toResource(
                              user, access.getOrDefault(user.id(), UserAccess.NONE), locations)));
        });
  }

  /** PUT: the request replaces every writable attribute; absent ones are cleared. */
  public Shown replace(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode request,
      @Nullable String ifMatch,
      Projection projection,
      Locations locations)
      throws ScimException {
    Set<Path> written = topLevelPaths(request);
    return write(
        ifMatch,
        session -> {
          Target target = writable(session, caller, tenantId, id, ifMatch);
          UserEntity user = target.user();
          ObjectNode current =
              UserMapper.toResource(user, target.access(), locations).getObjectNode();
          String password = password(request);
          keepActiveIfAbsent(request, user);
          UserSchemas.prepareWrite(request);
          SchemaViolations.throwIfAny(UserSchemas.checker().checkReplace(request, current));
          Set<String> entitlements = UserMapper.values(request, "entitlements");
          Set<String> roles = UserMapper.values(request, "roles");
          ObjectNode after = request.deepCopy();
          if (entitlements == null && current.has("entitlements")) {
            after.set("entitlements", current.get("entitlements"));
          }
          if (roles == null && current.has("roles")) {
            after.set("roles", current.get("roles"));
          }
          if (!after.path(UserSchemas.RESELLER).has("managed")) {
            after.with(UserSchemas.RESELLER).put("managed", user.managed());
          }
          check(target, current, after, password != null);
          apply(session, user, request);
          AccessWriter.apply(session, user, target.tenant().settings(), entitlements, roles);
          return finish(session, user, password, projection, written, locations);
        });
  }

  /** PATCH (RFC 7644 §3.5.2), in every dialect {@link PatchRequests} reads. */
  public Shown patch(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode body,
      @Nullable String ifMatch,
      Projection projection,
      Locations locations)
      throws ScimException {
    List<PatchOperation> operations = PatchRequests.parse(UserSchemas.USER, body);
    Set<Path> written = new HashSet<>();
    operations.stream().map(PatchOperation::getPath).filter(p -> p != null).forEach(written::add);
    return write(
        ifMatch,
        session -> {
          Target target = writable(session, caller, tenantId, id, ifMatch);
          UserEntity user = target.user();
          ObjectNode current =
              UserMapper.toResource(user, target.access(), locations).getObjectNode();
          ObjectNode resource = current.deepCopy();
          SchemaViolations.throwIfAny(UserSchemas.checker().checkModify(operations, resource));
          for (PatchOperation operation : operations) {
            operation.apply(resource);
          }
          keepActiveIfAbsent(resource, user);
          String password = password(resource);
          check(target, current, resource.deepCopy(), password != null);
          UserSchemas.prepareWrite(resource);
          SchemaViolations.throwIfAny(UserSchemas.checker().checkCreate(resource.deepCopy()));
          Set<String> entitlements = UserMapper.values(resource, "entitlements");
          Set<String> roles = UserMapper.values(resource, "roles");
          apply(session, user, resource);
          AccessWriter.apply(
              session,
              user,
              target.tenant().settings(),
              entitlements == null ? Set.of() : entitlements,
              roles == null ? Set.of() : roles);
          return finish(session, user, password, projection, written, locations);
        });
  }

  public void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    write(
        ifMatch,
        session -> {
          Target target = writable(session, caller, tenantId, id, ifMatch);
          UserEntity user = target.user();
          UserRules.checkDelete(target.grant(), user);
          AccessWriter.releaseAll(session, user);
          GroupMemberships.removeMember(session, tenantId, user.id());
          user.setRetained(true);
          user.touch();
          session.flush();
          appendOutbox(session, user, null);
          return null;
        });
  }

  /** Runs a write; a lost optimistic-lock race is retried, or 412 if the client named a version. */
  private <T> T write(@Nullable String ifMatch, Database.Work<T> work) throws ScimException {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return database.inTransactionRetrying(WRITE_ATTEMPTS, work);
    }
    try {
      return database.inTransaction(work);
    } catch (ConcurrentUpdateException e) {
      throw new PreconditionFailedException("the resource changed while this request ran");
    }
  }

  /** What a write to an existing user works on. */
  private record Target(
      TenantGrant grant, TenantEntity tenant, UserEntity user, UserAccess access) {}

  private static Target writable(
      Session session, Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    TenantGrant grant = TenantAccess.resolve(session, caller, tenantId);
    UserEntity user = find(session, tenantId, id);
    ETags.checkIfMatch(ifMatch, user.version());
    return new Target(
        grant, session.find(TenantEntity.class, tenantId), user, UserAccess.load(session, id));
  }

  /** Judges the change by its effect (both sides without read-only attributes). */
  private static void check(Target target, ObjectNode before, ObjectNode after, boolean passwordSet)
      throws ScimException {
    ObjectNode from = before.deepCopy();
    ObjectNode to = after.deepCopy();
    UserSchemas.prepareWrite(from);
    UserSchemas.prepareWrite(to);
    UserRules.checkChange(target.grant(), target.user(), target.access(), from, to, passwordSet);
  }

  /** Records the state the tenant must now see and returns the user as the client asked. */
  private Shown finish(
      Session session,
      UserEntity user,
      @Nullable String password,
      Projection projection,
      Set<Path> written,
      Locations locations) {
    session.flush();
    appendOutbox(session, user, password == null ? null : secretBox.seal(password));
    UserAccess access = UserAccess.load(session, user.id());
    return Shown.of(
        UserMapper.toResource(user, access, locations), UserSchemas.USER, projection, written);
  }

  /**
   * Records the state the tenant must now see as the user's next outbox row. The sequence number
   * and {@code syncState} are operational columns: they change by SQL, without moving the
   * resource's version or lastModified, so the response's ETag stays the one the client can use.
   */
  public static void appendOutbox(
      Session session, UserEntity user, @Nullable String sealedPassword) {
    session.flush();
    session
        .createNativeMutationQuery(
            "update scim_user set outbox_sequence = outbox_sequence + 1, sync_state = 'pending',"
                + " sync_error = null where id = :id")
        .setParameter("id", user.id())
        .executeUpdate();
    session.refresh(user);
    Outbox.append(
        session,
        user.tenantId(),
        user.id(),
        user.outboxSequence(),
        UserStates.of(user, UserAccess.load(session, user.id()), sealedPassword));
  }

  /** The password a request sets, checked; never stored, never logged. */
  private static @Nullable String password(ObjectNode resource) throws BadRequestException {
    JsonNode password = resource.get("password");
    if (password == null || password.isNull()) {
      return null;
    }
    if (!password.isTextual() || password.asText().isEmpty() || password.asText().length() > 256) {
      throw BadRequestException.invalidValue("password must be a string of 1 to 256 characters");
    }
    return password.asText();
  }

  /** Validates a resulting resource's names and writes it to the row. */
  private static void apply(Session session, UserEntity user, ObjectNode resource)
      throws ScimException {
    String userName = UserMapper.text(resource, "userName");
    if (!userName.equalsIgnoreCase(user.userName())) {
      UserNames.checkDomain(session.find(TenantEntity.class, user.tenantId()), userName);
    }
    requireFree(
        session, user.tenantId(), userName, UserMapper.text(resource, "externalId"), user.id());
    UserMapper.write(resource, user);
    if (!user.managed() && resource.path(UserSchemas.RESELLER).path("managed").asBoolean(false)) {
      user.setManaged(true); // adoption, allowed by UserRules
    }
    user.touch();
    session.flush();
  }

  /**
   * A PUT without {@code active}, or a PATCH removing it, leaves the user as it is: {@code active}
   * is the user's assignment state (rule 6), not profile data, and clearing it must neither
   * deactivate nor reactivate — nor take or release licenses. Only a POST defaults it to true.
   */
  private static void keepActiveIfAbsent(ObjectNode resource, UserEntity user) {
    JsonNode active = resource.get("active");
    if (active == null || active.isNull()) {
      resource.put("active", user.active());
    }
  }

  /** A visible (not retained) user of the tenant, or 404. */
  static UserEntity find(Session session, String tenantId, String id)
      throws ResourceNotFoundException {
    UserEntity user = session.find(UserEntity.class, id);
    if (user == null
        || !user.tenantId().equals(tenantId)
        || user.retained()
        || user.deletedAt() != null) {
      throw new ResourceNotFoundException("no user " + id + " in this tenant");
    }
    return user;
  }

  /** The retained account of the same person: same externalId, else same userName. */
  private static Optional<UserEntity> retained(
      Session session, String tenantId, @Nullable String externalId, String userName) {
    if (externalId != null) {
      Optional<UserEntity> byExternalId =
          session
              .createSelectionQuery(
                  "from UserEntity where tenantId = :tenant and externalId = :externalId"
                      + " and retained = true",
                  UserEntity.class)
              .setParameter("tenant", tenantId)
              .setParameter("externalId", externalId)
              .uniqueResultOptional();
      if (byExternalId.isPresent()) {
        return byExternalId;
      }
    }
    return session
        .createSelectionQuery(
            "from UserEntity where tenantId = :tenant and userNameCi = :userName"
                + " and retained = true",
            UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("userName", userName.toLowerCase(Locale.ROOT))
        .uniqueResultOptional();
  }

  /**
   * 409 if another user (visible, retained or deleted) holds this name as userName or
   * initialUserName, or this externalId. The database's unique keys (V9) back this check against
   * concurrent requests.
   */
  private static void requireFree(
      Session session,
      String tenantId,
      String userName,
      @Nullable String externalId,
      @Nullable String selfId)
      throws ResourceConflictException {
    String self = selfId == null ? "" : selfId;
    if (UserNames.reservedByAnother(session, tenantId, userName, self)) {
      throw ResourceConflictException.uniqueness(
          "userName "
              + userName
              + " is taken in this tenant: another user (retained and deleted ones included)"
              + " holds it as its userName or initialUserName");
    }
    if (externalId == null) {
      return;
    }
    long externalHolders =
        session
            .createSelectionQuery(
                "select count(*) from UserEntity where tenantId = :tenant"
                    + " and externalId = :externalId and id <> :self",
                Long.class)
            .setParameter("tenant", tenantId)
            .setParameter("externalId", externalId)
            .setParameter("self", self)
            .getSingleResult();
    if (externalHolders > 0) {
      throw ResourceConflictException.uniqueness(
          "a user with externalId " + externalId + " exists in this tenant");
    }
  }

  private static Set<Path> topLevelPaths(ObjectNode request) {
    Set<Path> paths = new HashSet<>();
    request
        .fieldNames()
        .forEachRemaining(
            name -> {
              try {
                paths.add(Path.fromString(name));
              } catch (ScimException e) {
                // not an attribute name; schema checking reports it
              }
            });
    return paths;
  }
}
