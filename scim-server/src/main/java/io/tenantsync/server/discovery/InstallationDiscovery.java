package io.tenantsync.server.discovery;

import com.unboundid.scim2.common.types.AuthenticationScheme;
import io.tenantsync.server.auth.ApiTokensEndpoint;
import io.tenantsync.server.relationships.OffersEndpoint;
import io.tenantsync.server.relationships.RelationshipsEndpoint;
import io.tenantsync.server.resellers.ResellersEndpoint;
import io.tenantsync.server.tenants.TenantsEndpoint;
import java.util.List;

/** The installation-level service provider ({@code /scim/v2}): what it truthfully supports. */
public final class InstallationDiscovery {
  private InstallationDiscovery() {}

  public static Discovery create() {
    // No Bulk at this level (it is a tenant's), no passwords; the rest as for a tenant.
    Capabilities capabilities =
        new Capabilities(
            true, false, true, true, false, true, TenantDiscovery.CURSOR_TIMEOUT_SECONDS);
    return new Discovery(
        capabilities,
        List.of(
            ResellersEndpoint.TYPE,
            TenantsEndpoint.TYPE,
            ApiTokensEndpoint.TYPE,
            OffersEndpoint.TYPE,
            RelationshipsEndpoint.TYPE));
  }

  static AuthenticationScheme bearer() {
    return new AuthenticationScheme(
        "OAuth Bearer Token",
        "Authentication with a TenantSync API token: Authorization: Bearer <token>",
        null,
        null,
        "oauthbearertoken",
        true);
  }
}
