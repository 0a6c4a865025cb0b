package io.tenantsync.server.sandbox;

import io.tenantsync.server.auth.Authenticator;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.tenants.DirectorySettings;
import io.tenantsync.server.tenants.TenantEntity;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Who may call a tenant's sandbox: the operator (any sandbox tenant) and the tenant's own token
 * (its own sandbox only). Graph's answers:
 *
 * <ul>
 *   <li>no token, an unknown or revoked one, or a reseller's (not a token for this audience): 401
 *       {@code InvalidAuthenticationToken} with {@code WWW-Authenticate: Bearer};
 *   <li>a tenant token on another tenant's path, an unknown tenant, or a tenant whose directory is
 *       not the sandbox: 404 {@code Request_ResourceNotFound}, the same answer in each case, so
 *       that nothing is revealed about other tenants.
 * </ul>
 *
 * <p>No cache: a revoked token is refused on the very next request. Thread-safe.
 */
final class SandboxAccess {
  private static final String BEARER = "bearer ";

  private final Authenticator authenticator;

  SandboxAccess(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /**
   * The caller behind an {@code Authorization} header; refuses everyone but operator and tenant.
   */
  Caller authenticate(@Nullable String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || authorization.substring(BEARER.length()).isBlank()) {
      throw GraphError.unauthorized("Access token is empty.");
    }
    Caller caller =
        authenticator
            .authenticate(authorization.substring(BEARER.length()).trim())
            .orElseThrow(() -> GraphError.unauthorized("Access token validation failure."));
    if (caller.kind() == Caller.Kind.RESELLER) {
      throw GraphError.unauthorized("Access token validation failure. Invalid audience.");
    }
    return caller;
  }

  /** A tenant token on another tenant's path is refused before anything else is looked at. */
  static void checkPath(Caller caller, String tenantId) {
    if (caller.kind() == Caller.Kind.TENANT && !caller.isTenant(tenantId)) {
      throw GraphError.notFound(tenantId);
    }
  }

  /** The tenant whose sandbox the caller addresses, inside the request's transaction. */
  static TenantEntity tenant(Session session, Caller caller, String tenantId) {
    checkPath(caller, tenantId);
    TenantEntity tenant = session.find(TenantEntity.class, tenantId);
    if (tenant == null || !DirectorySettings.SANDBOX.equals(tenant.directoryType())) {
      throw GraphError.notFound(tenantId);
    }
    return tenant;
  }

  /** The sandbox's own administration (SKUs, directory-synced accounts) is the operator's. */
  static void requireOperator(Caller caller) {
    if (!caller.isOperator()) {
      throw GraphError.forbidden();
    }
  }
}
