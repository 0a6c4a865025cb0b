package io.tenantsync.server.groups;

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
import io.tenantsync.server.persistence.ConcurrentUpdateException;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.SchemaViolations;
import io.tenantsync.server.protocol.Shown;
import jakarta.persistence.LockModeType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Groups of one tenant (RFC 7643 §4.2, RFC 7644 §3). Each public method is one transaction that
 * first resolves the caller's grant on the tenant (404 out of reach; writes need Full
 * administration, 403 otherwise), then applies the rules; responses are projected as the client
 * asked.
 *
 * <p>A write locks the group's row ({@code SELECT … FOR UPDATE}) before it reads the version, so
 * concurrent writers of one group queue instead of failing: membership changes from Entra ID or
 * Okta arrive in bursts and do not depend on a version the client saw. {@code If-Match} is checked
 * against the version read under the lock (412 on mismatch). The optimistic version check stays as
 * a safety net: a lost race (e.g. with {@link GroupMemberships#removeMember}) is retried without
 * {@code If-Match} and is 412 with it.
 *
 * <p>Big groups: members are read only when the response shows them ({@code
 * excludedAttributes=members} reads none), and a response carries at most {@value
 * GroupMemberships#MAX_RETURNED} members, never a truncated list: a GET or list that would carry
 * more is 400 {@code tooMany} (ask with {@code excludedAttributes=members}), a PATCH whose result
 * has more answers 204 with the new ETag, and a POST or PUT may name at most that many members
 * (larger groups grow by PATCH).
 */
public final class GroupService {
  private static final int WRITE_ATTEMPTS = 8;

  private final Database database;
  private final GroupQueries queries;

  public GroupService(Database database, GroupQueries queries) {
    this.database = database;
    this.queries = queries;
  }

  /** A PATCH's outcome: the group as shown, or only its ETag and location (204). */
  public record Patched(Shown shown, boolean membersOmitted) {}

  public Shown create(
      Caller caller,
      String tenantId,
      ObjectNode request,
      Projection projection,
      Locations locations)
      throws ScimException {
    Set<Path> written = topLevelPaths(request);
    return database.inTransaction(
        session -> {
          TenantGrant grant = TenantAccess.resolve(session, caller, tenantId);
          grant.requireFull("create groups");
          List<MemberRef> members = MemberRefs.ofResource(request);
          ObjectNode attributes = MemberRefs.withoutMembers(request);
          GroupSchemas.prepareWrite(attributes);
          GroupSchemas.checkAttributes(attributes);
          GroupEntity group = new GroupEntity(Ids.newId(), tenantId);
          requireFree(session, group, attributes);
          GroupMapper.write(attributes, group);
          session.persist(group);
          session.flush();
          GroupMemberships.add(session, group, members);
          return show(session, group, projection, written, locations);
        });
  }

  public Shown get(
      Caller caller, String tenantId, String id, Projection projection, Locations locations)
      throws ScimException {
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          return show(
              session,
              find(session, tenantId, id, LockModeType.NONE),
              projection,
              Set.of(),
              locations);
        });
  }

  public ListPage<GenericScimResource> list(
      Caller caller, String tenantId, ListRequest request, Locations locations)
      throws ScimException {
    var query = queries.prepare(request);
    boolean withMembers = GroupSchemas.wantsMembers(request.projection(), Set.of());
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          ListPage<GroupEntity> page = query.run(session, tenantId);
          Map<String, List<Member>> members =
              withMembers && !page.resources().isEmpty()
                  ? readMembers(session, page.resources().stream().map(GroupEntity::id).toList())
                  : Map.of();
          return page.map(
              group ->
                  request
                      .projection()
                      .apply(
                          GroupSchemas.GROUP,
                          GroupMapper.toResource(
                              group,
                              withMembers ? members.getOrDefault(group.id(), List.of()) : null,
                              locations)));
        });
  }

  /** PUT: the request replaces displayName, externalId and the whole membership. */
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
          GroupEntity group = writable(session, caller, tenantId, id, ifMatch, "replace groups");
          List<MemberRef> members = MemberRefs.ofResource(request);
          ObjectNode attributes = MemberRefs.withoutMembers(request);
          GroupSchemas.prepareWrite(attributes);
          SchemaViolations.throwIfAny(
              GroupSchemas.checker()
                  .checkReplace(attributes, GroupMapper.withoutMembers(group, locations)));
          apply(session, group, attributes);
          GroupMemberships.replace(session, group, members);
          return show(session, group, projection, written, locations);
        });
  }

  /** PATCH (RFC 7644 §3.5.2), in every dialect {@link GroupPatch} reads. */
  public Patched patch(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode body,
      @Nullable String ifMatch,
      Projection projection,
      Locations locations)
      throws ScimException {
    GroupPatch patch = GroupPatch.parse(id, body);
    return write(
        ifMatch,
        session -> {
          GroupEntity group = writable(session, caller, tenantId, id, ifMatch, "change groups");
          ObjectNode resource = GroupMapper.withoutMembers(group, locations);
          List<PatchOperation> operations = patch.attributeOperations();
          if (!operations.isEmpty()) {
            SchemaViolations.throwIfAny(GroupSchemas.checker().checkModify(operations, resource));
            for (PatchOperation operation : operations) {
              operation.apply(resource);
            }
            GroupSchemas.prepareWrite(resource);
            GroupSchemas.checkAttributes(resource);
          }
          apply(session, group, resource);
          for (GroupPatch.MemberChange change : patch.memberChanges()) {
            GroupMemberships.apply(session, group, change);
          }
          if (GroupSchemas.wantsMembers(projection, patch.written())
              && GroupMemberships.moreThan(
                  session, List.of(group.id()), GroupMemberships.MAX_RETURNED)) {
            return new Patched(
                show(session, group, Projection.none(), Set.of(), locations, false), true);
          }
          return new Patched(show(session, group, projection, patch.written(), locations), false);
        });
  }

  public void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    write(
        ifMatch,
        session -> {
          GroupEntity group = writable(session, caller, tenantId, id, ifMatch, "delete groups");
          GroupMemberships.removeMember(session, tenantId, group.id());
          session.remove(group);
          session.flush();
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

  private static GroupEntity writable(
      Session session,
      Caller caller,
      String tenantId,
      String id,
      @Nullable String ifMatch,
      String what)
      throws ScimException {
    TenantGrant grant = TenantAccess.resolve(session, caller, tenantId);
    GroupEntity group = find(session, tenantId, id, LockModeType.PESSIMISTIC_WRITE);
    grant.requireFull(what);
    ETags.checkIfMatch(ifMatch, group.version());
    return group;
  }

  /**
   * Writes checked attributes to the locked row and updates it at once (version, lastModified), so
   * that a member-only change moves the version on too.
   */
  private static void apply(Session session, GroupEntity group, ObjectNode resource)
      throws ScimException {
    requireFree(session, group, resource);
    GroupMapper.write(resource, group);
    group.touch();
    session.flush();
  }

  /** The group as {@code projection} shows it, members read only if shown. */
  private static Shown show(
      Session session,
      GroupEntity group,
      Projection projection,
      Set<Path> written,
      Locations locations)
      throws BadRequestException {
    boolean withMembers = GroupSchemas.wantsMembers(projection, written);
    return show(session, group, projection, written, locations, withMembers);
  }

  private static Shown show(
      Session session,
      GroupEntity group,
      Projection projection,
      Set<Path> written,
      Locations locations,
      boolean withMembers)
      throws BadRequestException {
    List<Member> members =
        withMembers
            ? readMembers(session, List.of(group.id())).getOrDefault(group.id(), List.of())
            : null;
    return Shown.of(
        GroupMapper.toResource(group, members, locations), GroupSchemas.GROUP, projection, written);
  }

  /** The members of these groups; 400 {@code tooMany} if they are more than a response carries. */
  private static Map<String, List<Member>> readMembers(Session session, List<String> groupIds)
      throws BadRequestException {
    if (GroupMemberships.moreThan(session, groupIds, GroupMemberships.MAX_RETURNED)) {
      throw BadRequestException.tooMany(
          (groupIds.size() == 1 ? "the group has" : "the groups of this page have")
              + " more than the "
              + GroupMemberships.MAX_RETURNED
              + " members a response carries; ask with excludedAttributes=members"
              + " and find a member's groups with filter=members[value eq \"id\"]");
    }
    return GroupMemberships.members(session, groupIds);
  }

  /** A group of the tenant, or 404; a writer locks its row until the transaction ends. */
  private static GroupEntity find(Session session, String tenantId, String id, LockModeType lock)
      throws ResourceNotFoundException {
    GroupEntity group = session.find(GroupEntity.class, id, lock);
    if (group == null || !group.tenantId().equals(tenantId)) {
      throw new ResourceNotFoundException("no group " + id + " in this tenant");
    }
    return group;
  }

  /**
   * 409 if another group of the tenant holds the resource's displayName (any case) or externalId.
   * Runs before the entity changes, so that the query does not flush a conflicting row first.
   */
  private static void requireFree(Session session, GroupEntity group, ObjectNode resource)
      throws ResourceConflictException {
    String displayName = GroupMapper.text(resource, "displayName");
    long nameHolders =
        displayName == null
            ? 0
            : session
                .createSelectionQuery(
                    "select count(*) from GroupEntity where tenantId = :tenant"
                        + " and displayNameCi = :name and id <> :self",
                    Long.class)
                .setParameter("tenant", group.tenantId())
                .setParameter("name", displayName.toLowerCase(Locale.ROOT))
                .setParameter("self", group.id())
                .getSingleResult();
    if (nameHolders > 0) {
      throw ResourceConflictException.uniqueness(
          "a group with displayName " + displayName + " exists in this tenant");
    }
    String externalId = GroupMapper.text(resource, "externalId");
    if (externalId == null) {
      return;
    }
    long externalHolders =
        session
            .createSelectionQuery(
                "select count(*) from GroupEntity where tenantId = :tenant"
                    + " and externalId = :externalId and id <> :self",
                Long.class)
            .setParameter("tenant", group.tenantId())
            .setParameter("externalId", externalId)
            .setParameter("self", group.id())
            .getSingleResult();
    if (externalHolders > 0) {
      throw ResourceConflictException.uniqueness(
          "a group with externalId " + externalId + " exists in this tenant");
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
