package io.tenantsync.server.discovery;

import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.auth.ApiTokenResource;
import io.tenantsync.server.relationships.OfferResource;
import io.tenantsync.server.relationships.RelationshipResource;
import io.tenantsync.server.resellers.ResellerResource;
import io.tenantsync.server.tenants.TenantResource;
import java.beans.IntrospectionException;
import java.util.List;

/** The installation-level service provider ({@code /scim/v2}): what it truthfully supports. */
public final class InstallationDiscovery {
  private InstallationDiscovery() {}

  public static Discovery create() {
    Capabilities capabilities = new Capabilities(false, false, false, false, false, true, 0);
    return new Discovery(
        capabilities,
        List.of(
            type("Reseller", "/Resellers", ResellerResource.class),
            type("Tenant", "/Tenants", TenantResource.class),
            type("ApiToken", "/ApiTokens", ApiTokenResource.class),
            type("DelegatedAdminOffer", "/DelegatedAdminOffers", OfferResource.class),
            type(
                "DelegatedAdminRelationship",
                "/DelegatedAdminRelationships",
                RelationshipResource.class)));
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

  private static ResourceTypeDefinition type(String name, String endpoint, Class<?> schema) {
    try {
      return new ResourceTypeDefinition.Builder(name, endpoint)
          .setId(name)
          .setDescription(SchemaUtils.getSchema(schema).getDescription())
          .setCoreSchema(SchemaUtils.getSchema(schema))
          .build();
    } catch (IntrospectionException e) {
      throw new IllegalStateException("cannot describe " + schema, e);
    }
  }
}
