package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.exceptions.NotModifiedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ws.rs.core.Response;
import org.jspecify.annotations.Nullable;

/**
 * Builds SCIM error responses ({@code urn:ietf:params:scim:api:messages:2.0:Error}, RFC 7644
 * §3.12). Every error TenantSync sends goes through here.
 */
public final class ScimErrors {
  private ScimErrors() {}

  public static Response response(ScimException e) {
    if (e instanceof NotModifiedException notModified) {
      // Not an error: no body, and the ETag the client already holds.
      Response.ResponseBuilder builder = Response.notModified();
      if (notModified.getVersion() != null) {
        builder.header("ETag", notModified.getVersion());
      }
      return builder.build();
    }
    return response(e.getScimError());
  }

  public static Response response(int status, @Nullable String scimType, String detail) {
    ErrorResponse error = new ErrorResponse(status);
    error.setScimType(scimType);
    error.setDetail(detail);
    return response(error);
  }

  public static Response response(ErrorResponse error) {
    Response.ResponseBuilder builder =
        Response.status(error.getStatus()).type(ScimMedia.SCIM_JSON_TYPE).entity(error);
    if (error.getStatus() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"tenantsync\"");
    }
    return builder.build();
  }

  /** A status the SDK has no exception class for (e.g. 413), as a SCIM exception. */
  public static ScimException status(int status, @Nullable String scimType, String detail) {
    return new ScimException(status, scimType, detail);
  }
}
