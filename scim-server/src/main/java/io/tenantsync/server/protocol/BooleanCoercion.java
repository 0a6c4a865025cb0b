package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra ID (without its {@code aadOptscim062020} flag) sends booleans as strings: {@code
 * "active":"False"}. API.md rule 6 says that counts as false. This turns {@code "true"/"false"}
 * strings, in any case, into JSON booleans wherever the schema says the attribute is a boolean, and
 * leaves every other value alone so that real type errors are still reported.
 */
public final class BooleanCoercion {
  private BooleanCoercion() {}

  /** Coerces the attributes of a whole resource in place. */
  public static void coerceResource(ResourceTypeDefinition type, ObjectNode resource) {
    coerceObject(type, null, resource);
  }

  /** Coerces a PATCH value aimed at {@code path} (null path: a whole-resource value object). */
  public static JsonNode coerceValue(
      ResourceTypeDefinition type, @Nullable Path path, JsonNode value) {
    if (path == null || path.isRoot()) {
      if (value instanceof ObjectNode object) {
        coerceObject(type, null, object);
      }
      return value;
    }
    AttributeDefinition definition = type.getAttributeDefinition(path.withoutFilters());
    return coerce(type, path.withoutFilters(), definition, value);
  }

  private static void coerceObject(
      ResourceTypeDefinition type, @Nullable Path parent, ObjectNode object) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    object.fields().forEachRemaining(fields::add);
    for (Map.Entry<String, JsonNode> field : fields) {
      String name = field.getKey();
      Path path;
      if (parent == null && SchemaUtils.isUrn(name)) {
        if (field.getValue() instanceof ObjectNode extension) {
          coerceObject(type, Path.root(name), extension);
        }
        continue;
      }
      try {
        path = parent == null ? Path.root().attribute(name) : parent.attribute(name);
      } catch (RuntimeException e) {
        continue;
      }
      AttributeDefinition definition = type.getAttributeDefinition(path);
      object.set(name, coerce(type, path, definition, field.getValue()));
    }
  }

  private static JsonNode coerce(
      ResourceTypeDefinition type,
      Path path,
      @Nullable AttributeDefinition definition,
      JsonNode value) {
    if (definition == null) {
      return value;
    }
    if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, coerceSingle(type, path, definition, array.get(i)));
      }
      return array;
    }
    return coerceSingle(type, path, definition, value);
  }

  private static JsonNode coerceSingle(
      ResourceTypeDefinition type, Path path, AttributeDefinition definition, JsonNode value) {
    if (definition.getType() == AttributeDefinition.Type.BOOLEAN && value.isTextual()) {
      String text = value.asText();
      if (text.equalsIgnoreCase("true")) {
        return BooleanNode.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return BooleanNode.FALSE;
      }
      return value;
    }
    if (definition.getType() == AttributeDefinition.Type.COMPLEX
        && value instanceof ObjectNode object) {
      coerceObject(type, path, object);
    }
    return value;
  }
}
