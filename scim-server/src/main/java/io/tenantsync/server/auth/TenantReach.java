package io.tenantsync.server.auth;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A caller's reach into the tenant its request path names, resolved together with its token in one
 * query at the start of the request, so that the request's own work need not ask again.
 *
 * @param tenantId the tenant named by the path ({@code /scim/v2/tenants/{tenantId}/…})
 * @param rights the caller's rights there; null when the tenant is out of its reach (404)
 */
public record TenantReach(String tenantId, @Nullable AdminRights rights) {

  public Optional<TenantGrant> grant() {
    return rights == null ? Optional.empty() : Optional.of(new TenantGrant(tenantId, rights));
  }
}
