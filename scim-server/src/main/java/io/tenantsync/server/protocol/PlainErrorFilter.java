package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors outside the SCIM service (any path not under {@code /scim/v2}, except the sandbox, whose
 * {@code GraphErrorFilter} gives them Graph's shape) are plain JSON, since no SCIM client talks
 * there:
 *
 * <pre>{"status":404,"error":"Not Found","detail":"no resource at this path"}</pre>
 *
 * The exception mappers build every error as a SCIM {@link ErrorResponse}; this filter only
 * re-dresses it, with the same status and detail. Stateless and thread-safe.
 */
public final class PlainErrorFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof ErrorResponse scim)
        || isScimOrSandbox(request.getUriInfo().getPath())) {
      return;
    }
    response.setEntity(
        plain(scim.getStatus(), scim.getDetail()),
        new Annotation[0],
        MediaType.APPLICATION_JSON_TYPE);
  }

  /** True for paths whose errors keep a protocol's own shape (relative or absolute). */
  public static boolean isScimOrSandbox(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals("scim/v2")
        || relative.startsWith("scim/v2/")
        || relative.startsWith("sandbox/");
  }

  /** The plain error body for {@code status}. */
  public static Map<String, Object> plain(int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    Response.Status known = Response.Status.fromStatusCode(status);
    body.put("error", known == null ? "Error" : known.getReasonPhrase());
    body.put("detail", detail == null ? "request refused" : detail);
    return body;
  }
}
