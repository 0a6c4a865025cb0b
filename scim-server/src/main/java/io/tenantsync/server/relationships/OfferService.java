package io.tenantsync.server.relationships;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.DelegatedRole;
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
import java.security.SecureRandom;
import java.util.Base64;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * A reseller's delegated-admin offers (R28): created by the reseller, reusable by any number of
 * tenants, withdrawn by DELETE (relationships already accepted stay). The operator reads all.
 */
public final class OfferService implements ResourceService<OfferResource> {
  static final String ENDPOINT = "DelegatedAdminOffers";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Filterable and sortable: id, role and reseller (exact), meta dates; offerCode (exact). */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("o")
          .coreSchema(OfferResource.SCHEMA)
          .auditable()
          .attribute("role", AttributeColumn.caseIgnoreString("role").asSortable())
          .attribute("reseller", AttributeColumn.caseExactString("resellerId").asSortable())
          .attribute("offerCode", AttributeColumn.caseExactString("offerCode"))
          .build();

  private final Database database;
  private final SearchQuery<OfferEntity> search;

  public OfferService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
            OfferEntity.class, "DelegatedAdminOffer", CATALOG, null, cursors, cursorTimeoutMillis);
  }

  @Override
  public OfferResource create(Caller caller, OfferResource request, Locations locations)
      throws ScimException {
    if (caller.kind() != Caller.Kind.RESELLER) {
      throw new ForbiddenException("only a reseller makes delegated-admin offers");
    }
    DelegatedRole role = DelegatedRole.fromWire(request.getRole());
    return database.inTransaction(
        session -> {
          OfferEntity entity = new OfferEntity(Ids.newId(), caller.subjectId(), role, newCode());
          session.persist(entity);
          session.flush();
          return toResource(entity, locations);
        });
  }

  @Override
  public OfferResource get(Caller caller, String id, Locations locations) throws ScimException {
    return database.inTransaction(session -> toResource(visible(session, caller, id), locations));
  }

  @Override
  public ListPage<OfferResource> list(Caller caller, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<OfferEntity>.Prepared query = search.prepare(request);
    return database.read(
        session -> query.run(session, scope(caller)).map(e -> toResource(e, locations)));
  }

  /** The operator sees every offer, a reseller its own, a tenant none. */
  private static Scope scope(Caller caller) {
    if (caller.isOperator()) {
      return Scope.everything(caller.getName());
    }
    String reseller = caller.kind() == Caller.Kind.RESELLER ? caller.subjectId() : "";
    return Scope.where(caller.getName(), "o.resellerId = :reseller", "reseller", reseller);
  }

  @Override
  public void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException {
    database.inTransaction(
        session -> {
          OfferEntity entity = visible(session, caller, id);
          ETags.checkIfMatch(ifMatch, entity.version());
          session
              .createMutationQuery(
                  "update RelationshipEntity set offerId = null where offerId = :id")
              .setParameter("id", id)
              .executeUpdate();
          session.remove(entity);
          return null;
        });
  }

  private static OfferEntity visible(Session session, Caller caller, String id)
      throws ResourceNotFoundException {
    OfferEntity entity = session.find(OfferEntity.class, id);
    if (entity == null || !(caller.isOperator() || caller.isReseller(entity.resellerId()))) {
      throw new ResourceNotFoundException("no offer " + id);
    }
    return entity;
  }

  private static String newCode() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static OfferResource toResource(OfferEntity entity, Locations locations) {
    OfferResource resource = new OfferResource();
    resource.setId(entity.id());
    resource.setRole(entity.role().wireName());
    resource.setOfferCode(entity.offerCode());
    resource.setReseller(entity.resellerId());
    resource.setMeta(
        Metas.of(entity, "DelegatedAdminOffer", locations.resource(ENDPOINT, entity.id())));
    return resource;
  }
}
