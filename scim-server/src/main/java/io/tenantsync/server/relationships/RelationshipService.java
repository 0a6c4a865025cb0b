package io.tenantsync.server.relationships;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.ResourceService;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.Scope;
import io.tenantsync.server.protocol.query.SearchQuery;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Delegated-admin relationships (R29, R30). A tenant accepts a reseller's offer by POSTing its
 * code; both sides read their relationships and either ends one by DELETE, which terminates it at
 * once (the row stays readable with {@code status: terminated}). Only an active, unexpired
 * relationship gives the reseller access to the tenant.
 */
public final class RelationshipService implements ResourceService<RelationshipResource> {
  static final String ENDPOINT = "DelegatedAdminRelationships";

  /** The refusal of a second active relationship, from the check or from the unique index. */
  private static final String ALREADY_ACTIVE =
      "the tenant already has an active relationship with this reseller; terminate it first to"
          + " change the role";

  /**
   * Filterable and sortable: id, reseller and tenant (exact), role (any case), expiresAt, meta
   * dates. {@code status} is not: it depends on the clock ({@code expired} once {@code expiresAt}
   * has passed); filter by {@code expiresAt} instead.
   */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("r")
          .coreSchema(RelationshipResource.SCHEMA)
          .auditable()
          .attribute("reseller", AttributeColumn.caseExactString("resellerId").asSortable())
          .attribute("tenant", AttributeColumn.caseExactString("tenantId").asSortable())
          .attribute("role", AttributeColumn.caseIgnoreString("role").asSortable())
          .attribute(
              "expiresAt",
              AttributeColumn.of(
                      "expiresAt", io.tenantsync.server.protocol.query.ValueType.DATETIME)
                  .asSortable())
          .build();

  private final Database database;
  private final SearchQuery<RelationshipEntity> search;

  public RelationshipService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
            RelationshipEntity.class,
            "DelegatedAdminRelationship",
            CATALOG,
            null,
            cursors,
            cursorTimeoutMillis);
  }

  @Override
  public RelationshipResource create(
      Caller caller, RelationshipResource request, Locations locations) throws ScimException {
    if (caller.kind() != Caller.Kind.TENANT) {
      throw new ForbiddenException("only the tenant itself accepts a delegated-admin offer");
    }
    String code = request.getOfferCode();
    if (code == null || code.isBlank()) {
      throw BadRequestException.invalidValue("offerCode is required");
    }
    Instant expiresAt = request.getExpiresAt() == null ? null : request.getExpiresAt().toInstant();
    if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
      throw BadRequestException.invalidValue("expiresAt must be in the future");
    }
    String tenantId = caller.subjectId();
    return database.inTransaction(
        session -> {
          OfferEntity offer =
              session
                  .createSelectionQuery(
                      "from OfferEntity where offerCode = :code", OfferEntity.class)
                  .setParameter("code", code.trim())
                  .uniqueResultOptional()
                  .orElseThrow(
                      () -> BadRequestException.invalidValue("no offer with this offerCode"));
          long now = System.currentTimeMillis();
          List<RelationshipEntity> current =
              session
                  .createSelectionQuery(
                      "from RelationshipEntity where resellerId = :reseller and"
                          + " tenantId = :tenant and status = 'active'",
                      RelationshipEntity.class)
                  .setParameter("reseller", offer.resellerId())
                  .setParameter("tenant", tenantId)
                  .getResultList();
          for (RelationshipEntity relationship : current) {
            if (RelationshipEntity.ACTIVE.equals(relationship.status(now))) {
              throw ResourceConflictException.uniqueness(ALREADY_ACTIVE);
            }
            relationship.recordExpiry(now);
          }
          session.flush();
          // A concurrent accept for the same pair that passed the check above loses here, on
          // the unique active_key: 409 uniqueness (UniqueConstraints).
          RelationshipEntity entity =
              new RelationshipEntity(
                  Ids.newId(), offer.resellerId(), tenantId, offer.id(), offer.role(), expiresAt);
          session.persist(entity);
          session.flush();
          return toResource(entity, locations);
        });
  }

  @Override
  public RelationshipResource get(Caller caller, String id, Locations locations)
      throws ScimException {
    return database.inTransaction(session -> toResource(visible(session, caller, id), locations));
  }

  @Override
  public ListPage<RelationshipResource> list(
      Caller caller, ListRequest request, Locations locations) throws ScimException {
    SearchQuery<RelationshipEntity>.Prepared query = search.prepare(request);
    return database.read(
        session -> query.run(session, scope(caller)).map(e -> toResource(e, locations)));
  }

  /** The operator sees every relationship; a reseller or a tenant those it is a party to. */
  private static Scope scope(Caller caller) {
    return switch (caller.kind()) {
      case OPERATOR -> Scope.everything(caller.getName());
      case RESELLER ->
          Scope.where(caller.getName(), "r.resellerId = :self", "self", caller.subjectId());
      case TENANT ->
          Scope.where(caller.getName(), "r.tenantId = :self", "self", caller.subjectId());
    };
  }

  @Override
  public void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException {
    database.inTransaction(
        session -> {
          RelationshipEntity entity = visible(session, caller, id);
          ETags.checkIfMatch(ifMatch, entity.version());
          entity.terminate();
          return null;
        });
  }

  private static RelationshipEntity visible(Session session, Caller caller, String id)
      throws ResourceNotFoundException {
    RelationshipEntity entity = session.find(RelationshipEntity.class, id);
    if (entity == null
        || !(caller.isOperator()
            || caller.isReseller(entity.resellerId())
            || caller.isTenant(entity.tenantId()))) {
      throw new ResourceNotFoundException("no relationship " + id);
    }
    return entity;
  }

  static RelationshipResource toResource(RelationshipEntity entity, Locations locations) {
    RelationshipResource resource = new RelationshipResource();
    resource.setId(entity.id());
    resource.setReseller(entity.resellerId());
    resource.setTenant(entity.tenantId());
    resource.setRole(entity.role().wireName());
    resource.setStatus(entity.status(System.currentTimeMillis()));
    resource.setExpiresAt(entity.expiresAt() == null ? null : Date.from(entity.expiresAt()));
    resource.setMeta(
        Metas.of(entity, "DelegatedAdminRelationship", locations.resource(ENDPOINT, entity.id())));
    return resource;
  }
}
