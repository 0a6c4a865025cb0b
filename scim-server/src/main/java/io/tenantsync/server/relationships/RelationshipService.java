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
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.Page;
import io.tenantsync.server.protocol.ResourceService;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
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

  private final Database database;

  public RelationshipService(Database database) {
    this.database = database;
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
  public ListPage<RelationshipResource> list(Caller caller, Page page, Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          List<RelationshipResource> resources =
              query(session, caller, "from RelationshipEntity r", RelationshipEntity.class)
                  .setFirstResult(page.offset())
                  .setMaxResults(page.count())
                  .getResultList()
                  .stream()
                  .map(entity -> toResource(entity, locations))
                  .toList();
          long total =
              query(session, caller, "select count(*) from RelationshipEntity r", Long.class)
                  .getSingleResult();
          return new ListPage<>(resources, total);
        });
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

  private static <T> SelectionQuery<T> query(
      Session session, Caller caller, String select, Class<T> type) {
    String order = type == Long.class ? "" : " order by r.id";
    return switch (caller.kind()) {
      case OPERATOR -> session.createSelectionQuery(select + order, type);
      case RESELLER ->
          session
              .createSelectionQuery(select + " where r.resellerId = :id" + order, type)
              .setParameter("id", caller.subjectId());
      case TENANT ->
          session
              .createSelectionQuery(select + " where r.tenantId = :id" + order, type)
              .setParameter("id", caller.subjectId());
    };
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
