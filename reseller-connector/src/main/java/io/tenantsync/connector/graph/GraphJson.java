package io.tenantsync.connector.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON codec for Graph wire records. Unknown properties are ignored (Graph adds fields), nulls
 * are not written (except explicit {@code null} nodes in a PATCH tree). A body that does not parse
 * becomes a retryable {@code MALFORMED_RESPONSE}: a truncated or substituted body is a transport
 * fault, and every call the client retries is idempotent or made retry-safe by its caller.
 * Thread-safe.
 */
final class GraphJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .addModule(new JavaTimeModule())
          .build();

  private GraphJson() {}

  static JavaType type(Class<?> raw) {
    return MAPPER.constructType(raw);
  }

  static JavaType pageOf(Class<?> item) {
    return MAPPER.getTypeFactory().constructParametricType(GraphPage.class, item);
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static byte[] write(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  /** Parses a successful response's body. */
  static <T> T read(GraphResponse response, JavaType type) {
    if (!response.looksLikeJson()) {
      throw GraphErrors.malformed(
          response.request(),
          response.status(),
          "expected JSON, got " + response.describeBody(),
          true,
          null);
    }
    try {
      T value = MAPPER.readValue(response.body(), type);
      if (value == null) {
        throw GraphErrors.malformed(
            response.request(), response.status(), "empty JSON body", true, null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw GraphErrors.malformed(
          response.request(),
          response.status(),
          "unreadable JSON (" + response.describeBody() + "): " + e.getOriginalMessage(),
          true,
          e);
    } catch (IOException e) {
      throw GraphErrors.malformed(
          response.request(), response.status(), "unreadable body: " + e, true, e);
    }
  }
}
