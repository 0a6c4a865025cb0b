package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's own JSON codec: plain Jackson, case-sensitive property names as Graph has them (not
 * the SCIM SDK's case-insensitive mapper). Thread-safe.
 */
final class SandboxJson {
  static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<UUID>> UUIDS = new TypeReference<>() {};

  private SandboxJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * A request body that must be a JSON object.
   *
   * @throws GraphError 400 as Graph words it, for an empty or unreadable body
   */
  static ObjectNode parseObject(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw GraphError.badRequest("BadRequest", "Empty Payload. JSON content expected.");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // answered below, without echoing the parser's text
    }
    throw GraphError.badRequest(
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and"
            + " payload is of valid JSON format.");
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  static List<String> readStrings(String json) {
    return read(json, STRINGS);
  }

  static String writeStrings(List<String> values) {
    return write(values);
  }

  static List<UUID> readUuids(String json) {
    return read(json, UUIDS);
  }

  static String writeUuids(List<UUID> values) {
    return write(values);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored sandbox JSON is unreadable", e);
    }
  }
}
