package io.tenantsync.server.resellers;

import com.unboundid.scim2.common.exceptions.BadRequestException;
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
import java.util.List;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Resellers: created, renamed and removed by the operator; a reseller may read itself. Removing a
 * reseller ends its offers and relationships and revokes its tokens, in one transaction.
 */
public final class ResellerService implements ResourceService<ResellerResource> {
  static final String RESOURCE_TYPE = "Reseller";
  static final String ENDPOINT = "Resellers";

  private final Database database;

  public ResellerService(Database database) {
    this.database = database;
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
  public ListPage<ResellerResource> list(Caller caller, Page page, Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          var query = visibleQuery(session, caller);
          List<ResellerResource> resources =
              query
                  .setFirstResult(page.offset())
                  .setMaxResults(page.count())
                  .getResultList()
                  .stream()
                  .map(entity -> toResource(entity, locations))
                  .toList();
          return new ListPage<>(resources, visibleQuery(session, caller).getResultCount());
        });
  }

  @Override
  public ResellerResource replace(
      Caller caller,
      String id,
      ResellerResource request,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    caller.requireOperator();
    String name = requireName(request);
    return database.inTransaction(
        session -> {
          ResellerEntity entity = visible(session, caller, id);
          ETags.checkIfMatch(ifMatch, entity.version());
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
          session.remove(entity);
          return null;
        });
  }

  private static org.hibernate.query.SelectionQuery<ResellerEntity> visibleQuery(
      Session session, Caller caller) {
    if (caller.isOperator()) {
      return session.createSelectionQuery("from ResellerEntity order by id", ResellerEntity.class);
    }
    return session
        .createSelectionQuery(
            "from ResellerEntity where id = :id order by id", ResellerEntity.class)
        .setParameter("id", caller.kind() == Caller.Kind.RESELLER ? caller.subjectId() : "");
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
