package io.tenantsync.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Jersey (a malformed URI, say), as a SCIM
 * error body instead of an HTML page. Never includes exception text.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() <= 0 ? 500 : response.getStatus();
    String body =
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\""
            + status
            + "\",\"detail\":\"request could not be processed (HTTP "
            + status
            + ")\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/scim+json");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
