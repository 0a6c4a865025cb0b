package io.tenantsync.server.auth;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
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
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * API tokens of resellers and tenants. The operator issues and revokes any; a reseller or a tenant
 * only its own. The secret is returned once, at creation; a DELETE revokes the token at once (the
 * row stays for audit, the resource answers 404 from then on).
 */
public final class ApiTokenService implements ResourceService<ApiTokenResource> {
  static final String ENDPOINT = "ApiTokens";

  /**
   * Filterable and sortable: id, displayName (any case), tokenPrefix (exact), subject.type (any
   * case), subject.value (exact), meta dates. Revoked tokens and the operator's are never listed.
   */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("t")
          .coreSchema(ApiTokenResource.SCHEMA)
          .auditable()
          .attribute("displayName", AttributeColumn.caseIgnoreString("displayName").asSortable())
          .attribute("tokenPrefix", AttributeColumn.caseExactString("tokenPrefix").asSortable())
          .attribute("subject.type", AttributeColumn.caseIgnoreString("subjectType").asSortable())
          .attribute("subject.value", AttributeColumn.caseExactString("subjectId").asSortable())
          .build();

  private final Database database;
  private final SearchQuery<ApiTokenEntity> search;

  public ApiTokenService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
            ApiTokenEntity.class,
            "ApiToken",
            CATALOG,
            "t.revokedAt is null and t.subjectType <> 'operator'",
            cursors,
            cursorTimeoutMillis);
  }

  @Override
  public ApiTokenResource create(Caller caller, ApiTokenResource request, Locations locations)
      throws ScimException {
    ApiTokenResource.Subject subject = request.getSubject();
    if (subject == null || subject.getType() == null || subject.getValue() == null) {
      throw BadRequestException.invalidValue(
          "subject is required: {\"type\":\"reseller\"|\"tenant\",\"value\":\"<id>\"}");
    }
    Caller.Kind kind = subjectKind(subject.getType());
    String displayName = request.getDisplayName();
    if (displayName == null || displayName.isBlank() || displayName.length() > 256) {
      throw BadRequestException.invalidValue("displayName is required (at most 256 characters)");
    }
    if (!caller.isOperator()
        && !(caller.kind() == kind && subject.getValue().equals(caller.subjectId()))) {
      throw new ForbiddenException(
          "a " + caller.kind().wireName() + " may create only its own tokens");
    }
    String secret = Tokens.newSecret();
    return database.inTransaction(
        session -> {
          Class<?> subjectEntity =
              kind == Caller.Kind.RESELLER
                  ? io.tenantsync.server.resellers.ResellerEntity.class
                  : io.tenantsync.server.tenants.TenantEntity.class;
          if (session.find(subjectEntity, subject.getValue()) == null) {
            throw BadRequestException.invalidValue(
                "subject: no " + kind.wireName() + " " + subject.getValue());
          }
          ApiTokenEntity entity =
              new ApiTokenEntity(
                  Ids.newId(),
                  kind,
                  subject.getValue(),
                  displayName.trim(),
                  Tokens.hash(secret),
                  Tokens.displayPrefix(secret));
          session.persist(entity);
          session.flush();
          ApiTokenResource resource = toResource(entity, locations);
          resource.setToken(secret);
          return resource;
        });
  }

  @Override
  public ApiTokenResource get(Caller caller, String id, Locations locations) throws ScimException {
    return database.inTransaction(session -> toResource(visible(session, caller, id), locations));
  }

  @Override
  public ListPage<ApiTokenResource> list(Caller caller, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<ApiTokenEntity>.Prepared query = search.prepare(request);
    return database.read(
        session -> query.run(session, scope(caller)).map(e -> toResource(e, locations)));
  }

  /** The operator sees every live token but its own; a reseller or tenant its own tokens. */
  private static Scope scope(Caller caller) {
    if (caller.isOperator()) {
      return Scope.everything(caller.getName());
    }
    return new Scope(
        caller.getName(),
        "t.subjectType = :kind and t.subjectId = :subject",
        Map.of("kind", caller.kind().wireName(), "subject", caller.subjectId()));
  }

  @Override
  public void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException {
    database.inTransaction(
        session -> {
          ApiTokenEntity entity = visible(session, caller, id);
          io.tenantsync.server.protocol.ETags.checkIfMatch(ifMatch, entity.version());
          entity.revoke();
          return null;
        });
  }

  private static ApiTokenEntity visible(Session session, Caller caller, String id)
      throws ResourceNotFoundException {
    ApiTokenEntity entity = session.find(ApiTokenEntity.class, id);
    if (entity == null
        || entity.isRevoked()
        || entity.subjectType() == Caller.Kind.OPERATOR
        || !(caller.isOperator()
            || (caller.kind() == entity.subjectType()
                && entity.subjectId() != null
                && entity.subjectId().equals(caller.subjectId())))) {
      throw new ResourceNotFoundException("no API token " + id);
    }
    return entity;
  }

  private static Caller.Kind subjectKind(String type) throws BadRequestException {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "reseller" -> Caller.Kind.RESELLER;
      case "tenant" -> Caller.Kind.TENANT;
      default ->
          throw BadRequestException.invalidValue(
              "subject.type must be reseller or tenant, not " + type);
    };
  }

  private static ApiTokenResource toResource(ApiTokenEntity entity, Locations locations) {
    ApiTokenResource resource = new ApiTokenResource();
    resource.setId(entity.id());
    ApiTokenResource.Subject subject = new ApiTokenResource.Subject();
    subject.setType(entity.subjectType().wireName());
    subject.setValue(entity.subjectId());
    resource.setSubject(subject);
    resource.setDisplayName(entity.displayName());
    resource.setTokenPrefix(entity.tokenPrefix());
    resource.setMeta(Metas.of(entity, "ApiToken", locations.resource(ENDPOINT, entity.id())));
    return resource;
  }
}
