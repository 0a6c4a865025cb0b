package io.tenantsync.server.auth;

import io.tenantsync.server.protocol.ResourceEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/ApiTokens}; the rules are in {@link ApiTokenService}. */
@Path("scim/v2/ApiTokens")
public final class ApiTokensEndpoint extends ResourceEndpoint<ApiTokenResource> {
  public ApiTokensEndpoint(ApiTokenService service) {
    super(service);
  }
}
