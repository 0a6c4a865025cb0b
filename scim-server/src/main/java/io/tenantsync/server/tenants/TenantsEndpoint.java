package io.tenantsync.server.tenants;

import io.tenantsync.server.protocol.ResourceEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Tenants}; the rules are in {@link TenantService}. */
@Path("scim/v2/Tenants")
public final class TenantsEndpoint extends ResourceEndpoint<TenantResource> {
  public TenantsEndpoint(TenantService service) {
    super(service);
  }
}
