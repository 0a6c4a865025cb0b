package io.tenantsync.server.tenants;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceEndpoint;
import io.tenantsync.server.protocol.ResourceTypes;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Tenants}; the rules are in {@link TenantService}. */
@Path("scim/v2/Tenants")
public final class TenantsEndpoint extends ResourceEndpoint<TenantResource> {
  public static final ResourceTypeDefinition TYPE =
      ResourceTypes.define("Tenant", "/Tenants", TenantResource.class);

  public TenantsEndpoint(TenantService service) {
    super(service, TYPE, TenantResource.class);
  }
}
