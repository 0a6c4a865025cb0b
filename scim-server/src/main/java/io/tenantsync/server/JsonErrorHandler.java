package io.tenantsync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenantsync.server.protocol.PlainErrorFilter;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Jersey (a malformed URI, a request that
 * arrives while the server drains, say): a SCIM error body under {@code /scim/v2}, plain JSON
 * elsewhere (as {@link PlainErrorFilter} does for the application), never an HTML page. Never
 * includes exception text.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() <= 0 ? 500 : response.getStatus();
    String detail = "request could not be processed (HTTP " + status + ")";
    String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
    boolean scim = path != null && PlainErrorFilter.isScimOrSandbox(path);
    String body;
    try {
      body =
          scim
              ? "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\""
                  + status
                  + "\",\"detail\":\""
                  + detail
                  + "\"}"
              : ScimJsonProvider.MAPPER.writeValueAsString(PlainErrorFilter.plain(status, detail));
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + status + "}";
    }
    response
        .getHeaders()
        .put(HttpHeader.CONTENT_TYPE, scim ? "application/scim+json" : "application/json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
