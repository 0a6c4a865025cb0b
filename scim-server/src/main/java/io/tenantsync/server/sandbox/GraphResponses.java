package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every sandbox response: {@code application/json}, Graph's {@code request-id} header (and
 * {@code client-request-id} echoed when the client sent one), and Graph's error body.
 */
final class GraphResponses {
  private static final Logger log = LoggerFactory.getLogger(GraphResponses.class);
  private static final int MAX_CLIENT_REQUEST_ID = 64;

  /**
   * Graph's {@code innerError.date}: UTC to the second, seconds always written. Not {@code
   * LocalDateTime.toString()}, which leaves out {@code :00} seconds once a minute.
   */
  private static final DateTimeFormatter INNER_ERROR_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private GraphResponses() {}

  static String innerErrorDate(LocalDateTime utc) {
    return INNER_ERROR_DATE.format(utc);
  }

  /** The ids that tie one request to its response and to the log. */
  record RequestIds(String requestId, @Nullable String clientRequestId) {
    static RequestIds of(HttpHeaders headers) {
      String client = headers.getHeaderString("client-request-id");
      boolean usable =
          client != null
              && !client.isBlank()
              && client.length() <= MAX_CLIENT_REQUEST_ID
              && client.chars().allMatch(c -> c > 0x20 && c < 0x7f);
      return new RequestIds(UUID.randomUUID().toString(), usable ? client : null);
    }

    /** For a response that did not come from the endpoint (no request headers at hand). */
    static RequestIds fresh() {
      return new RequestIds(UUID.randomUUID().toString(), null);
    }
  }

  static Response ok(RequestIds ids, ObjectNode body) {
    return json(Response.ok(), ids, body);
  }

  static Response created(RequestIds ids, ObjectNode body) {
    return json(Response.status(201), ids, body);
  }

  static Response noContent(RequestIds ids) {
    return headers(Response.noContent(), ids).build();
  }

  static Response error(RequestIds ids, GraphError e) {
    log.debug("sandbox {} {}: {}", e.status(), e.code(), e.getMessage());
    return error(ids, e.status(), e.body());
  }

  /** Graph's error document for {@code error} (an object with code and message). */
  static Response error(RequestIds ids, int status, ObjectNode error) {
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", innerErrorDate(LocalDateTime.now(ZoneOffset.UTC)));
    inner.put("request-id", ids.requestId());
    if (ids.clientRequestId() != null) {
      inner.put("client-request-id", ids.clientRequestId());
    }
    ObjectNode body = SandboxJson.object();
    body.set("error", error);
    Response.ResponseBuilder builder = Response.status(status);
    if (status == 401) {
      builder.header(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer realm=\"tenantsync-sandbox\", error=\"invalid_token\"");
    }
    return json(builder, ids, body);
  }

  private static Response json(Response.ResponseBuilder builder, RequestIds ids, ObjectNode body) {
    return headers(builder, ids)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(SandboxJson.write(body))
        .build();
  }

  private static Response.ResponseBuilder headers(
      Response.ResponseBuilder builder, RequestIds ids) {
    builder.header("request-id", ids.requestId());
    if (ids.clientRequestId() != null) {
      builder.header("client-request-id", ids.clientRequestId());
    }
    return builder;
  }
}
