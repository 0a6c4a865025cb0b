package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a PATCH body (RFC 7644 §3.5.2) in every dialect real clients send and turns it into the
 * SDK's {@link PatchOperation}s:
 *
 * <ul>
 *   <li>{@code op} in any case ({@code "Replace"}, Entra ID);
 *   <li>booleans as strings ({@code "False"}), coerced where the schema says boolean;
 *   <li>no-path value objects whose keys are dotted ({@code "name.givenName"}) or full URNs ({@code
 *       "urn:…:enterprise:2.0:User:employeeNumber"}), expanded into nested objects;
 *   <li>member names in any case ({@code "operations"}, {@code "Op"}: SCIM names are
 *       case-insensitive);
 *   <li>a missing {@code schemas} is tolerated; a wrong one is not ({@code invalidSyntax}, as is a
 *       body without operations).
 * </ul>
 *
 * Bounds: at most {@link #MAX_OPERATIONS} operations per request.
 */
public final class PatchRequests {
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final int MAX_OPERATIONS = 1_000;

  private PatchRequests() {}

  public static List<PatchOperation> parse(ResourceTypeDefinition type, ObjectNode body)
      throws BadRequestException {
    JsonNode schemas = field(body, "schemas");
    if (schemas != null && schemas.isArray() && !schemas.isEmpty()) {
      boolean patchOp = false;
      for (JsonNode schema : schemas) {
        patchOp |= PATCH_OP.equalsIgnoreCase(schema.asText());
      }
      if (!patchOp) {
        throw BadRequestException.invalidSyntax("a PATCH body's schemas must be " + PATCH_OP);
      }
    }
    JsonNode operations = field(body, "Operations");
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw BadRequestException.invalidSyntax("a PATCH body needs a non-empty Operations array");
    }
    if (operations.size() > MAX_OPERATIONS) {
      throw BadRequestException.tooMany(
          "at most " + MAX_OPERATIONS + " operations per PATCH request");
    }
    List<PatchOperation> result = new ArrayList<>();
    int index = 0;
    for (JsonNode operation : operations) {
      result.addAll(operation(type, operation, index++));
    }
    return result;
  }

  /**
   * A member of the request's JSON by name in any case: SCIM attribute names are (RFC 7643 §2.1).
   */
  private static @Nullable JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  private static List<PatchOperation> operation(
      ResourceTypeDefinition type, JsonNode node, int index) throws BadRequestException {
    String where = "Operations[" + index + "]: ";
    if (!node.isObject()) {
      throw BadRequestException.invalidSyntax(where + "must be an object");
    }
    PatchOpType op = opType(where, field(node, "op"));
    Path path = path(where, field(node, "path"));
    JsonNode value = field(node, "value");
    if (op == PatchOpType.REMOVE) {
      if (path == null) {
        throw BadRequestException.noTarget(where + "remove needs a path");
      }
      if (value != null && !value.isNull()) {
        // Entra ID removes values by value:
        // {"op":"Remove","path":"members","value":[{"value":"id"}]}.
        // The SDK would drop the value and remove everything; say which values instead.
        return List.of(PatchOperation.remove(byValue(where, path, value)));
      }
      return List.of(PatchOperation.remove(path));
    }
    if (value == null || value.isNull()) {
      throw BadRequestException.invalidValue(
          where + op.name().toLowerCase(Locale.ROOT) + " needs a value");
    }
    if (path == null) {
      if (!(value instanceof ObjectNode object)) {
        throw BadRequestException.invalidValue(
            where + "without a path, the value must be an object of attributes");
      }
      return splitKeys(type, op, where, object);
    }
    return List.of(PatchOperation.create(op, path, BooleanCoercion.coerceValue(type, path, value)));
  }

  /**
   * {@code members} + {@code [{"value":"a"},{"value":"b"}]} → {@code members[value eq "a" or value
   * eq "b"]}.
   */
  private static Path byValue(String where, Path path, JsonNode value) throws BadRequestException {
    if (path.size() != 1 || path.getElement(0).getValueFilter() != null) {
      throw BadRequestException.invalidPath(
          where + "a remove with a value needs a plain multi-valued attribute path");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item :
        value.isArray() ? value : ScimJsonProvider.MAPPER.createArrayNode().add(value)) {
      JsonNode single = item.isObject() ? item.get("value") : item;
      if (single == null || !single.isValueNode()) {
        throw BadRequestException.invalidValue(where + "every value to remove needs a 'value'");
      }
      values.add(single.asText());
    }
    if (values.isEmpty()) {
      throw BadRequestException.invalidValue(where + "no value to remove");
    }
    StringBuilder filter = new StringBuilder();
    for (String single : values) {
      if (!filter.isEmpty()) {
        filter.append(" or ");
      }
      filter
          .append("value eq \"")
          .append(single.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    String attribute = path.toString();
    try {
      return Path.fromString(attribute + "[" + filter + "]");
    } catch (BadRequestException e) {
      throw BadRequestException.invalidPath(where + "cannot remove by value from " + attribute);
    }
  }

  private static PatchOpType opType(String where, @Nullable JsonNode op)
      throws BadRequestException {
    if (op == null || !op.isTextual()) {
      throw BadRequestException.invalidValue(where + "op must be add, replace or remove");
    }
    return switch (op.asText().toLowerCase(Locale.ROOT)) {
      case "add" -> PatchOpType.ADD;
      case "replace" -> PatchOpType.REPLACE;
      case "remove" -> PatchOpType.REMOVE;
      default ->
          throw BadRequestException.invalidValue(
              where + "op must be add, replace or remove, not " + op.asText());
    };
  }

  private static @Nullable Path path(String where, @Nullable JsonNode path)
      throws BadRequestException {
    if (path == null || path.isNull() || (path.isTextual() && path.asText().isBlank())) {
      return null;
    }
    if (!path.isTextual()) {
      throw BadRequestException.invalidPath(where + "path must be a string");
    }
    try {
      return Path.fromString(path.asText());
    } catch (BadRequestException e) {
      throw BadRequestException.invalidPath(
          where + "invalid path '" + path.asText() + "': " + e.getMessage());
    }
  }

  /**
   * A no-path value whose keys are attribute paths (Entra ID sends {@code "name.givenName"}, {@code
   * "urn:…:enterprise:2.0:User:employeeNumber"}, even {@code "emails[type eq \"work\"].value"})
   * means one operation per such key, with that key as its path; plain attribute names and whole
   * extension objects stay together in one no-path operation.
   */
  static List<PatchOperation> splitKeys(
      ResourceTypeDefinition type, PatchOpType op, String where, ObjectNode value)
      throws BadRequestException {
    List<PatchOperation> operations = new ArrayList<>();
    ObjectNode plain = value.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (isSchemaUrn(type, key) || SIMPLE_NAME.matcher(key).matches()) {
        merge(plain, key, field.getValue());
        continue;
      }
      Path keyPath;
      try {
        keyPath = Path.fromString(key);
      } catch (BadRequestException e) {
        throw BadRequestException.invalidPath(where + "invalid attribute path '" + key + "'");
      }
      operations.add(
          PatchOperation.create(
              op, keyPath, BooleanCoercion.coerceValue(type, keyPath, field.getValue())));
    }
    if (!plain.isEmpty()) {
      operations.add(
          0,
          PatchOperation.create(op, (Path) null, BooleanCoercion.coerceValue(type, null, plain)));
    }
    return operations;
  }

  private static final java.util.regex.Pattern SIMPLE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_$-]*");

  private static boolean isSchemaUrn(ResourceTypeDefinition type, String key) {
    if (type.getCoreSchema().getId().equalsIgnoreCase(key)) {
      return true;
    }
    return type.getSchemaExtensions().keySet().stream()
        .anyMatch(schema -> schema.getId().equalsIgnoreCase(key));
  }

  private static void merge(ObjectNode target, String name, JsonNode value) {
    if (target.get(name) instanceof ObjectNode existing && value instanceof ObjectNode incoming) {
      existing.setAll(incoming);
    } else {
      target.set(name, value);
    }
  }
}
