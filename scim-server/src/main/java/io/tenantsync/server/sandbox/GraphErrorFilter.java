package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ErrorResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Keeps the sandbox's errors in Graph's shape when they are not the endpoint's own: an unknown path
 * under {@code /sandbox}, a method the path does not have, an oversized body, an unexpected
 * failure. The application's exception mappers answer those as SCIM errors; for sandbox paths this
 * filter rewrites them to Graph's error body before they are written:
 *
 * <ul>
 *   <li>unknown path → 400 {@code BadRequest} "Resource not found for the segment '…'." (Graph's
 *       answer, and never a 404 that a client could take for "account not found");
 *   <li>405 → {@code Request_BadRequest}; 500 → {@code UnknownError} with the SCIM detail, which
 *       carries only the log id; anything else keeps its status with Graph's generic code.
 * </ul>
 *
 * Responses the endpoint built itself carry a JSON string, not an {@link ErrorResponse}, and pass
 * unchanged. Stateless and thread-safe.
 */
public final class GraphErrorFilter implements ContainerResponseFilter {
  private static final String PREFIX = "sandbox/";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (!(path.startsWith(PREFIX) || path.startsWith("/" + PREFIX))
        || !(response.getEntity() instanceof ErrorResponse scim)) {
      return;
    }
    int status = response.getStatus();
    ObjectNode error = SandboxJson.object();
    switch (status) {
      case 404 -> {
        status = 400;
        error.put("code", "BadRequest");
        error.put("message", "Resource not found for the segment '" + lastSegment(path) + "'.");
      }
      case 405 -> {
        error.put("code", "Request_BadRequest");
        error.put("message", "Specified HTTP method is not allowed for the request target.");
      }
      case 413 -> {
        error.put("code", "Request_BadRequest");
        error.put("message", "The request body is too large.");
      }
      default -> {
        error.put("code", status >= 500 ? "UnknownError" : "BadRequest");
        error.put("message", scim.getDetail() == null ? "Request failed." : scim.getDetail());
      }
    }
    GraphResponses.RequestIds ids = GraphResponses.RequestIds.fresh();
    Response graph = GraphResponses.error(ids, status, error);
    response.setStatus(status);
    response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
    response.getHeaders().putSingle("request-id", ids.requestId());
    response.setEntity(graph.getEntity(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
  }

  private static String lastSegment(String path) {
    List<String> segments = List.of(path.split("/"));
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    return last.length() > 100 ? last.substring(0, 100) : last;
  }
}
