package io.tenantsync.server.resellers;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.ReachGeneration;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.ResourceEdit;
import io.tenantsync.server.protocol.ResourceService;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.Scope;
import io.tenantsync.server.protocol.query.SearchQuery;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Resellers: created, renamed and removed by the operator; a reseller may read itself. Removing a
 * reseller ends its offers and relationships and revokes its tokens, in one transaction.
 */
public final class ResellerService implements ResourceService<ResellerResource> {
  static final String RESOURCE_TYPE = "Reseller";
  static final String ENDPOINT = "Resellers";

  /** Filterable and sortable: id, displayName (any case), externalId (exact), meta dates. */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("s")
          .coreSchema(ResellerResource.SCHEMA)
          .auditable()
          .attribute("displayName", AttributeColumn.lowerCasedString("displayNameCi").asSortable())
          .attribute("externalId", AttributeColumn.caseExactString("externalId").asSortable())
          .build();

  private final Database database;
  private final SearchQuery<ResellerEntity> search;

  public ResellerService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
            ResellerEntity.class, RESOURCE_TYPE, CATALOG, null, cursors, cursorTimeoutMillis);
  }

  @Override
  public ResellerResource create(Caller caller, ResellerResource request, Locations locations)
      throws ScimException {
    caller.requireOperator();
    String name = requireName(request);
    return database.inTransaction(
        session -> {
          ResellerEntity entity = new ResellerEntity(Ids.newId(), name, request.getExternalId());
          session.persist(entity);
          session.flush();
          return toResource(entity, locations);
        });
  }

  @Override
  public ResellerResource get(Caller caller, String id, Locations locations) throws ScimException {
    return database.inTransaction(session -> toResource(visible(session, caller, id), locations));
  }

  @Override
  public ListPage<ResellerResource> list(Caller caller, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<ResellerEntity>.Prepared query = search.prepare(request);
    return database.read(
        session -> query.run(session, scope(caller)).map(e -> toResource(e, locations)));
  }

  /** The operator sees every reseller, a reseller itself, a tenant none. */
  private static Scope scope(Caller caller) {
    if (caller.isOperator()) {
      return Scope.everything(caller.getName());
    }
    String self = caller.kind() == Caller.Kind.RESELLER ? caller.subjectId() : "";
    return Scope.where(caller.getName(), "s.id = :self", "self", self);
  }

  @Override
  public ResellerResource update(
      Caller caller,
      String id,
      ResourceEdit<ResellerResource> edit,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    caller.requireOperator();
    return database.inTransaction(
        session -> {
          ResellerEntity entity = visible(session, caller, id);
          ETags.checkIfMatch(ifMatch, entity.version());
          ResellerResource request = edit.apply(toResource(entity, locations));
          String name = requireName(request);
          entity.rename(name);
          entity.setExternalId(request.getExternalId());
          session.flush();
          return toResource(entity, locations);
        });
  }

  @Override
  public void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException {
    caller.requireOperator();
    database.inTransaction(
        session -> {
          ResellerEntity entity = visible(session, caller, id);
          ETags.checkIfMatch(ifMatch, entity.version());
          session
              .createMutationQuery(
                  "update ApiTokenEntity set revokedAt = :now"
                      + " where subjectType = 'reseller' and subjectId = :id and revokedAt is null")
              .setParameter("now", System.currentTimeMillis())
              .setParameter("id", id)
              .executeUpdate();
          ReachGeneration.bumpOnCommit(session); // a bulk update raises no entity events
          session.remove(entity);
          return null;
        });
  }

  private static ResellerEntity visible(Session session, Caller caller, String id)
      throws ResourceNotFoundException {
    ResellerEntity entity = session.find(ResellerEntity.class, id);
    if (entity == null || !(caller.isOperator() || caller.isReseller(id))) {
      throw new ResourceNotFoundException("no reseller " + id);
    }
    return entity;
  }

  private static String requireName(ResellerResource request) throws BadRequestException {
    String name = request.getDisplayName();
    if (name == null || name.isBlank()) {
      throw BadRequestException.invalidValue("displayName is required");
    }
    if (name.length() > 256) {
      throw BadRequestException.invalidValue("displayName is longer than 256 characters");
    }
    return name.trim();
  }

  static ResellerResource toResource(ResellerEntity entity, Locations locations) {
    ResellerResource resource = new ResellerResource();
    resource.setId(entity.id());
    resource.setExternalId(entity.externalId());
    resource.setDisplayName(entity.displayName());
    resource.setMeta(Metas.of(entity, RESOURCE_TYPE, locations.resource(ENDPOINT, entity.id())));
    return resource;
  }
}
