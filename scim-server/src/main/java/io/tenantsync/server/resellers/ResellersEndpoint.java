package io.tenantsync.server.resellers;

import io.tenantsync.server.protocol.ResourceEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Resellers}; the rules are in {@link ResellerService}. */
@Path("scim/v2/Resellers")
public final class ResellersEndpoint extends ResourceEndpoint<ResellerResource> {
  public ResellersEndpoint(ResellerService service) {
    super(service);
  }
}
