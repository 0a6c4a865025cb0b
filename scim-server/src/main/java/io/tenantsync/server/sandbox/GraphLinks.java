package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The links of one tenant's sandbox: {@code @odata.context}, and {@code @odata.nextLink} / {@code
 * @odata.deltaLink} with opaque, signed tokens (see {@link SandboxTokens}). Links are absolute and
 * built from the request's own base URI, so that they stay under the base URL the client called,
 * as the Graph client requires before it follows one. Thread-safe.
 */
final class GraphLinks {
  static final String USERS_PAGE = "u";
  static final String DELETED_PAGE = "d";
  private static final String DELTA_PAGE = "dp";
  private static final String DELTA_ROUND = "dl";

  private final SandboxTokens tokens;

  GraphLinks(SandboxTokens tokens) {
    this.tokens = tokens;
  }

  /** {@code http://host/sandbox/{tenantId}/v1.0}, as the client addressed it. */
  static String base(UriInfo uri, String tenantId) {
    return uri.getBaseUriBuilder().path("sandbox").path(tenantId).path("v1.0").build().toString();
  }

  static String context(UriInfo uri, String tenantId, String fragment) {
    return base(uri, tenantId) + "/$metadata#" + fragment;
  }

  /** {@code users} or {@code users(id,displayName)} when the client chose properties. */
  static String usersFragment(UriInfo uri, Set<String> select) {
    String asked = uri.getQueryParameters().getFirst("$select");
    return asked == null || asked.isBlank()
        ? "users"
        : "users(" + GraphUsers.selectList(select) + ")";
  }

  /** An {@code @odata}-annotated object: the annotations first, then {@code properties}. */
  static ObjectNode annotated(String context, ObjectNode properties) {
    ObjectNode body = SandboxJson.object();
    body.put("@odata.context", context);
    body.setAll(properties);
    return body;
  }

  /** A user answered as a {@code directoryObject}, as deleted items are. */
  static ObjectNode directoryObject(UriInfo uri, String tenantId, ObjectNode user) {
    ObjectNode body = SandboxJson.object();
    body.put("@odata.context", context(uri, tenantId, "directoryObjects/$entity"));
    body.put("@odata.type", "#microsoft.graph.user");
    body.setAll(user);
    return body;
  }

  static ObjectNode collection(String context, List<ObjectNode> value) {
    ObjectNode body = SandboxJson.object();
    body.put("@odata.context", context);
    body.putArray("value").addAll(value);
    return body;
  }

  /** The same request again, continuing after {@code lastId}: keeps the client's query options. */
  String nextPage(UriInfo uri, String tenantId, String path, String kind, String lastId) {
    ObjectNode payload = SandboxTokens.payload(kind, tenantId);
    payload.put("a", lastId);
    StringBuilder link = new StringBuilder(base(uri, tenantId)).append('/').append(path);
    char separator = '?';
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    for (Map.Entry<String, List<String>> option : query.entrySet()) {
      if (option.getKey().equals("$skiptoken")) {
        continue;
      }
      for (String value : option.getValue()) {
        link.append(separator)
            .append(encode(option.getKey()).replace("%24", "$"))
            .append('=')
            .append(encode(value));
        separator = '&';
      }
    }
    return link.append(separator).append("$skiptoken=").append(tokens.seal(payload)).toString();
  }

  /**
   * The id a {@code $skiptoken} continues after; null without one.
   *
   * @throws GraphError 400 for a token this tenant's listing did not issue
   */
  @Nullable String after(@Nullable String skipToken, String kind, String tenantId) {
    if (skipToken == null) {
      return null;
    }
    return tokens
        .open(skipToken, kind, tenantId)
        .map(p -> p.path("a").asText(null))
        .orElseThrow(() -> GraphError.badRequest("BadRequest", "The $skiptoken is not valid."));
  }

  String deltaNext(UriInfo uri, String tenantId, SandboxDelta.Position position) {
    return base(uri, tenantId) + "/users/delta?$skiptoken=" + seal(DELTA_PAGE, tenantId, position);
  }

  String deltaLink(UriInfo uri, String tenantId, SandboxDelta.Position position) {
    return base(uri, tenantId)
        + "/users/delta?$deltatoken="
        + seal(DELTA_ROUND, tenantId, position);
  }

  /** The position in a delta {@code $skiptoken}; 410 when it is not one of this tenant's. */
  SandboxDelta.Position deltaPage(String token, String tenantId) {
    return open(token, DELTA_PAGE, tenantId);
  }

  /** The position in a {@code $deltatoken}; 410 when it is not one of this tenant's. */
  SandboxDelta.Position deltaRound(String token, String tenantId) {
    return open(token, DELTA_ROUND, tenantId);
  }

  private String seal(String kind, String tenantId, SandboxDelta.Position position) {
    ObjectNode payload = SandboxTokens.payload(kind, tenantId);
    payload.put("f", position.from());
    payload.put("u", position.upTo());
    payload.put("i", position.initial());
    payload.put("s", GraphUsers.selectList(position.select()));
    payload.put("at", position.issuedAt());
    return tokens.seal(payload);
  }

  private SandboxDelta.Position open(String token, String kind, String tenantId) {
    Optional<ObjectNode> payload = tokens.open(token, kind, tenantId);
    if (payload.isEmpty()) {
      throw GraphError.resyncRequired();
    }
    ObjectNode p = payload.get();
    return new SandboxDelta.Position(
        p.path("f").asLong(),
        p.path("u").asLong(),
        p.path("i").asBoolean(),
        GraphUsers.select(p.path("s").asText()),
        p.path("at").asLong());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
