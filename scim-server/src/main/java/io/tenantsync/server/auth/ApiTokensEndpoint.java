package io.tenantsync.server.auth;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceEndpoint;
import io.tenantsync.server.protocol.ResourceTypes;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/ApiTokens}; the rules are in {@link ApiTokenService}. */
@Path("scim/v2/ApiTokens")
public final class ApiTokensEndpoint extends ResourceEndpoint<ApiTokenResource> {
  public static final ResourceTypeDefinition TYPE =
      ResourceTypes.define("ApiToken", "/ApiTokens", ApiTokenResource.class);

  public ApiTokensEndpoint(ApiTokenService service) {
    super(service, TYPE, ApiTokenResource.class);
  }
}
