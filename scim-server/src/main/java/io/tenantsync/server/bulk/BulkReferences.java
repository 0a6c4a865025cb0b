package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code bulkId} references (RFC 7644 §3.7.2): a string value that is exactly {@code
 * "bulkId:qwerty"} — anywhere in an operation's {@code data} (e.g. a group's {@code
 * members[].value}), or as the id in its path ({@code /Users/bulkId:qwerty}) — stands for the id of
 * the resource that the POST with {@code "bulkId":"qwerty"} creates. A reference inside a longer
 * string (a filter, a {@code $ref} URI) is not one.
 */
final class BulkReferences {
  static final String PREFIX = "bulkId:";

  private BulkReferences() {}

  /** The bulkIds {@code operation} refers to, in order of appearance (path first). */
  static Set<String> of(BulkOperation operation) {
    Set<String> result = new LinkedHashSet<>();
    String id = operation.id();
    if (id != null && id.startsWith(PREFIX)) {
      result.add(id.substring(PREFIX.length()));
    }
    if (operation.data() != null) {
      collect(operation.data(), result);
    }
    return result;
  }

  /** The path id with a reference replaced by the id it stands for. */
  static String resolve(String id, Map<String, String> created) {
    return id.startsWith(PREFIX) ? created.getOrDefault(id.substring(PREFIX.length()), id) : id;
  }

  /** A copy of {@code data} with every reference replaced by the id in {@code created}. */
  static ObjectNode resolve(ObjectNode data, Map<String, String> created) {
    return (ObjectNode) replace(data.deepCopy(), created);
  }

  private static void collect(JsonNode node, Set<String> result) {
    if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith(PREFIX)) {
        result.add(text.substring(PREFIX.length()));
      }
    } else if (node.isContainerNode()) {
      node.forEach(child -> collect(child, result));
    }
  }

  private static JsonNode replace(JsonNode node, Map<String, String> created) {
    if (node.isTextual()) {
      String id = reference(node.asText(), created);
      return id == null ? node : TextNode.valueOf(id);
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, replace(object.get(name), created));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replace(array.get(i), created));
      }
    }
    return node;
  }

  private static @Nullable String reference(String text, Map<String, String> created) {
    return text.startsWith(PREFIX) ? created.get(text.substring(PREFIX.length())) : null;
  }
}
