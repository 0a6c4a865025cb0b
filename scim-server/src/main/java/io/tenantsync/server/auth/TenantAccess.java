package io.tenantsync.server.auth;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import io.tenantsync.server.relationships.RelationshipEntity;
import java.util.Comparator;
import org.hibernate.Session;

/**
 * Decides which tenant a principal reaches and with which rights (API.md, "Principals"): the
 * operator reaches every tenant, a tenant token only its own, a reseller those it has an active,
 * unexpired delegated-admin relationship with. Anything else is 404, never 403, so that a tenant's
 * existence is not revealed. Resolved on every request (no cache), so a termination or expiry ends
 * access at once: inside the request's own work, or — for the tenant the request path names — by
 * the {@link Authenticator} together with the token ({@link Caller#reach()}), at the start of that
 * same request.
 */
public final class TenantAccess {
  private TenantAccess() {}

  /** The caller's grant on {@code tenantId}; 404 if the tenant is out of its reach. */
  public static TenantGrant resolve(Session session, Caller caller, String tenantId)
      throws ResourceNotFoundException {
    TenantReach reach = caller.reach();
    if (reach != null && reach.tenantId().equals(tenantId)) {
      return reach.grant().orElseThrow(() -> notFound(tenantId));
    }
    return switch (caller.kind()) {
      case OPERATOR -> {
        if (!tenantExists(session, tenantId)) {
          throw notFound(tenantId);
        }
        yield new TenantGrant(tenantId, AdminRights.GLOBAL);
      }
      // A tenant's tokens are revoked when it is deleted, so its own id always exists.
      case TENANT -> {
        if (!caller.isTenant(tenantId)) {
          throw notFound(tenantId);
        }
        yield new TenantGrant(tenantId, AdminRights.GLOBAL);
      }
      case RESELLER ->
          activeRelationships(session, caller.subjectId(), tenantId).stream()
              .map(relationship -> relationship.role().rights())
              .max(Comparator.naturalOrder())
              .map(rights -> new TenantGrant(tenantId, rights))
              .orElseThrow(() -> notFound(tenantId));
    };
  }

  private static boolean tenantExists(Session session, String tenantId) {
    return session
            .createSelectionQuery("select count(*) from TenantEntity where id = :id", Long.class)
            .setParameter("id", tenantId)
            .getSingleResult()
        > 0;
  }

  /**
   * A reseller's active relationships with the tenant; none when the tenant does not exist, since
   * relationships go with their tenant (foreign key, on delete cascade), so no separate check.
   */
  private static java.util.List<RelationshipEntity> activeRelationships(
      Session session, String resellerId, String tenantId) {
    return session
        .createSelectionQuery(
            "from RelationshipEntity where resellerId = :reseller and tenantId = :tenant"
                + " and status = 'active' and (expiresAt is null or expiresAt > :now)",
            RelationshipEntity.class)
        .setParameter("reseller", resellerId)
        .setParameter("tenant", tenantId)
        .setParameter("now", System.currentTimeMillis())
        .getResultList();
  }

  public static ResourceNotFoundException notFound(String tenantId) {
    return new ResourceNotFoundException("no tenant " + tenantId);
  }
}
