package io.tenantsync.server.resellers;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceEndpoint;
import io.tenantsync.server.protocol.ResourceTypes;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/Resellers}; the rules are in {@link ResellerService}. */
@Path("scim/v2/Resellers")
public final class ResellersEndpoint extends ResourceEndpoint<ResellerResource> {
  public static final ResourceTypeDefinition TYPE =
      ResourceTypes.define("Reseller", "/Resellers", ResellerResource.class);

  public ResellersEndpoint(ResellerService service) {
    super(service, TYPE, ResellerResource.class);
  }
}
