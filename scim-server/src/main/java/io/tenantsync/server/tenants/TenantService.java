package io.tenantsync.server.tenants;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.AdminRights;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.DelegatedRole;
import io.tenantsync.server.auth.ReachGeneration;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.auth.TenantGrant;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.persistence.SecretBox;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.ResourceEdit;
import io.tenantsync.server.protocol.ResourceService;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.Scope;
import io.tenantsync.server.protocol.query.SearchQuery;
import io.tenantsync.server.protocol.query.ValueType;
import io.tenantsync.server.relationships.RelationshipEntity;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Tenants. The operator creates and removes any; a reseller creates tenants (and gets an active
 * Full-administration relationship with each at once) and sees those it has an active relationship
 * with; a tenant token sees its own. Changing a tenant needs Full rights.
 */
public final class TenantService implements ResourceService<TenantResource> {
  static final String ENDPOINT = "Tenants";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Filterable and sortable: id, displayName and initialDomain (any case), externalId and
   * createdByReseller (exact), the settings, {@code directory.type}, meta dates; filterable: {@code
   * domains.value} (any case) and {@code domains.verified}.
   */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("t")
          .coreSchema(TenantResource.SCHEMA)
          .auditable()
          .attribute("displayName", AttributeColumn.caseIgnoreString("displayName").asSortable())
          .attribute(
              "initialDomain", AttributeColumn.lowerCasedString("initialDomainCi").asSortable())
          .attribute("externalId", AttributeColumn.caseExactString("externalId").asSortable())
          .attribute(
              "createdByReseller",
              AttributeColumn.caseExactString("createdByReseller").asSortable())
          .attribute(
              "deactivationMode", AttributeColumn.caseIgnoreString("deactivationMode").asSortable())
          .attribute("driftMode", AttributeColumn.caseIgnoreString("driftMode").asSortable())
          .attribute(
              "autoClaimEnabled",
              AttributeColumn.of("autoClaimEnabled", ValueType.BOOLEAN).asSortable())
          .attribute(
              "directory.type", AttributeColumn.caseIgnoreString("directoryType").asSortable())
          .collection(
              "domains",
              java.util.Map.of(
                  "value", AttributeColumn.lowerCasedString("nameCi"),
                  "verified", AttributeColumn.of("verified", ValueType.BOOLEAN)))
          .build();

  private final Database database;
  private final SecretBox secretBox;
  private final SearchQuery<TenantEntity> search;

  public TenantService(
      Database database, SecretBox secretBox, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.secretBox = secretBox;
    this.search =
        new SearchQuery<>(
            TenantEntity.class, "Tenant", CATALOG, null, cursors, cursorTimeoutMillis);
  }

  @Override
  public TenantResource create(Caller caller, TenantResource request, Locations locations)
      throws ScimException {
    if (caller.kind() == Caller.Kind.TENANT) {
      throw new ForbiddenException("a tenant cannot create tenants");
    }
    String name = requireDisplayName(request.getDisplayName());
    String initialDomain = request.getInitialDomain();
    if (initialDomain == null || !DomainNames.isInitialDomain(initialDomain)) {
      throw BadRequestException.invalidValue(
          "initialDomain must be a name ending in .onmicrosoft.com, such as"
              + " contoso.onmicrosoft.com; got "
              + initialDomain);
    }
    String reseller = caller.kind() == Caller.Kind.RESELLER ? caller.subjectId() : null;
    TenantEntity entity = new TenantEntity(Ids.newId(), name.trim(), initialDomain, reseller);
    entity.setExternalId(request.getExternalId());
    apply(entity, request, AdminRights.GLOBAL, caller.isOperator());
    return database.inTransaction(
        session -> {
          session.persist(entity);
          if (reseller != null) {
            session.persist(
                new RelationshipEntity(
                    Ids.newId(),
                    reseller,
                    entity.id(),
                    null,
                    DelegatedRole.FULL_ADMINISTRATION,
                    null));
          }
          session.flush();
          return TenantMapper.toResource(entity, locations, true);
        });
  }

  @Override
  public TenantResource get(Caller caller, String id, Locations locations) throws ScimException {
    return database.inTransaction(
        session -> {
          TenantGrant grant = TenantAccess.resolve(session, caller, id);
          return TenantMapper.toResource(
              session.find(TenantEntity.class, id), locations, showCodes(grant));
        });
  }

  @Override
  public ListPage<TenantResource> list(Caller caller, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<TenantEntity>.Prepared query = search.prepare(request);
    return database.read(
        session ->
            query
                .run(session, scope(caller))
                .map(entity -> TenantMapper.toResource(entity, locations, false)));
  }

  /**
   * The operator sees every tenant; a tenant itself; a reseller those it has an active, unexpired
   * relationship with (the same rule as {@link TenantAccess}).
   */
  private static Scope scope(Caller caller) {
    return switch (caller.kind()) {
      case OPERATOR -> Scope.everything(caller.getName());
      case TENANT -> Scope.where(caller.getName(), "t.id = :self", "self", caller.subjectId());
      case RESELLER ->
          new Scope(
              caller.getName(),
              "exists (from RelationshipEntity r where r.tenantId = t.id"
                  + " and r.resellerId = :reseller and r.status = 'active'"
                  + " and (r.expiresAt is null or r.expiresAt > :now))",
              java.util.Map.of("reseller", caller.subjectId(), "now", System.currentTimeMillis()));
    };
  }

  @Override
  public TenantResource update(
      Caller caller,
      String id,
      ResourceEdit<TenantResource> edit,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          TenantGrant grant = TenantAccess.resolve(session, caller, id);
          grant.requireFull("change the tenant");
          TenantEntity entity = session.find(TenantEntity.class, id);
          ETags.checkIfMatch(ifMatch, entity.version());
          TenantResource request =
              edit.apply(TenantMapper.toResource(entity, locations, showCodes(grant)));
          String name = requireDisplayName(request.getDisplayName());
          if (request.getInitialDomain() != null
              && !request.getInitialDomain().equalsIgnoreCase(entity.initialDomain())) {
            throw BadRequestException.mutability("initialDomain cannot be changed");
          }
          entity.setDisplayName(name.trim());
          entity.setExternalId(request.getExternalId());
          List<TenantDomain> before = entity.domains();
          apply(entity, request, grant.rights(), caller.isOperator());
          refuseWithdrawingDomainsInUse(session, entity, before);
          entity.touch();
          session.flush();
          return TenantMapper.toResource(entity, locations, showCodes(grant));
        });
  }

  @Override
  public void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException {
    database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, id);
          caller.requireOperator();
          TenantEntity entity = session.find(TenantEntity.class, id);
          ETags.checkIfMatch(ifMatch, entity.version());
          session
              .createMutationQuery(
                  "update ApiTokenEntity set revokedAt = :now"
                      + " where subjectType = 'tenant' and subjectId = :id and revokedAt is null")
              .setParameter("now", System.currentTimeMillis())
              .setParameter("id", id)
              .executeUpdate();
          ReachGeneration.bumpOnCommit(session); // a bulk update raises no entity events
          session.remove(entity);
          return null;
        });
  }

  /** The writable parts of a create or full replace: domains, directory, settings. */
  private void apply(
      TenantEntity entity, TenantResource request, AdminRights rights, boolean operator)
      throws BadRequestException {
    entity.setDomains(domains(entity, request.getDomains(), operator));
    DirectorySettings current =
        DirectorySettings.fromStored(entity.directoryType(), entity.directoryConfig());
    DirectorySettings directory =
        DirectorySettings.from(request.getDirectory(), current, secretBox);
    entity.setDirectory(directory.type(), directory.toStored());
    entity.setSettings(
        entity
            .settings()
            .with(
                request.getDeactivationMode(),
                request.getDriftMode(),
                request.getAutoClaimEnabled()));
    if (rights == AdminRights.LIMITED) {
      throw new IllegalStateException("Limited administration reached a tenant change");
    }
  }

  /**
   * The requested domains. A domain the tenant already has keeps its verification state unless the
   * operator sets it; a new one starts unverified unless the operator vouches for it. {@code
   * domains} absent from a PUT keeps the current ones (RFC 7644 §3.5.1 lets a service provider keep
   * an omitted attribute; dropping a domain silently would strand the user names on it); {@code []}
   * removes them all.
   */
  private static List<TenantDomain> domains(
      TenantEntity entity, @Nullable List<TenantResource.Domain> requested, boolean operator)
      throws BadRequestException {
    if (requested == null) {
      return entity.domains();
    }
    List<TenantDomain> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TenantResource.Domain domain : requested) {
      String name = domain.getValue() == null ? "" : domain.getValue().trim();
      if (!DomainNames.isValid(name)) {
        throw BadRequestException.invalidValue("domains: '" + name + "' is not a domain name");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals(entity.initialDomain())) {
        throw BadRequestException.invalidValue(
            "domains: " + name + " is the initial domain; list custom domains only");
      }
      if (!seen.add(lower)) {
        throw BadRequestException.invalidValue("domains: " + name + " is listed twice");
      }
      var existing = entity.domain(lower);
      boolean verified =
          operator && domain.getVerified() != null
              ? domain.getVerified()
              : existing.map(TenantDomain::verified).orElse(false);
      String code = existing.map(TenantDomain::verificationCode).orElseGet(TenantService::newCode);
      result.add(new TenantDomain(lower, verified, code));
    }
    return result;
  }

  /**
   * 400 if a domain verified before this change is now removed or unverified while a user name (of
   * any user, retained and deleted ones included) is on it: those names would break R13.
   */
  private static void refuseWithdrawingDomainsInUse(
      Session session, TenantEntity entity, List<TenantDomain> before) throws BadRequestException {
    for (TenantDomain domain : before) {
      if (!domain.verified() || entity.acceptsUserDomain(domain.name())) {
        continue;
      }
      long users =
          session
              .createSelectionQuery(
                  "select count(*) from UserEntity where tenantId = :tenant"
                      + " and userNameCi like :suffix",
                  Long.class)
              .setParameter("tenant", entity.id())
              .setParameter("suffix", "%@" + domain.name())
              .getSingleResult();
      if (users > 0) {
        throw BadRequestException.invalidValue(
            "domains: "
                + domain.name()
                + " is the domain of "
                + users
                + " user name(s); rename those users before removing or unverifying it");
      }
    }
  }

  /** Verification codes are for those who manage the tenant's domains: never Limited admins. */
  private static boolean showCodes(TenantGrant grant) {
    return grant.rights() != AdminRights.LIMITED;
  }

  private static String requireDisplayName(@Nullable String name) throws BadRequestException {
    if (name == null || name.isBlank()) {
      throw BadRequestException.invalidValue("displayName is required");
    }
    if (name.length() > 256) {
      throw BadRequestException.invalidValue("displayName is longer than 256 characters");
    }
    return name;
  }

  private static String newCode() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "ts-verify-" + HexFormat.of().formatHex(bytes);
  }
}
