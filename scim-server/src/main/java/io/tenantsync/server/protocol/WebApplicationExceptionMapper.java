package io.tenantsync.server.protocol;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS's own refusals (unknown path, wrong method, unsupported media type, …) as SCIM errors with
 * a detail a person can act on.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  private static final Logger log = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return InternalErrors.response(e);
    }
    log.debug("{}: {}", status, e.getMessage());
    Response response = ScimErrors.response(status, null, detail(e));
    if (e instanceof NotAllowedException) {
      return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
    }
    return response;
  }

  private static String detail(WebApplicationException e) {
    if (e instanceof NotFoundException) {
      return "no resource at this path";
    }
    if (e instanceof NotAllowedException) {
      return "method not allowed here; allowed: " + e.getResponse().getAllowedMethods();
    }
    if (e instanceof NotSupportedException) {
      return "unsupported Content-Type: send application/scim+json or application/json";
    }
    if (e instanceof NotAcceptableException) {
      return "cannot produce the requested media type: accept application/scim+json or"
          + " application/json";
    }
    return Response.Status.fromStatusCode(e.getResponse().getStatus()) == null
        ? "request refused"
        : Response.Status.fromStatusCode(e.getResponse().getStatus()).getReasonPhrase();
  }
}
