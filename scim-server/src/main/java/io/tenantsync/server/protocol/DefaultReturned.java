package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a response shows when the client names no attributes (RFC 7643 §7, "returned"): everything
 * except attributes returned {@code never} or only on {@code request}. Computed once per resource
 * type from its schemas, so the common case — a resource type whose representation holds none of
 * them — costs one look at the top-level names and no copy. Thread-safe.
 */
final class DefaultReturned {
  private static final Map<ResourceTypeDefinition, DefaultReturned> BY_TYPE =
      new ConcurrentHashMap<>();

  /** Lower-cased attribute name → its hidden sub-attributes, or null if hidden as a whole. */
  private final Map<String, DefaultReturned> hidden;

  private DefaultReturned(Map<String, DefaultReturned> hidden) {
    this.hidden = hidden;
  }

  static DefaultReturned of(ResourceTypeDefinition type) {
    return BY_TYPE.computeIfAbsent(type, DefaultReturned::build);
  }

  private static DefaultReturned build(ResourceTypeDefinition type) {
    Map<String, DefaultReturned> hidden =
        new HashMap<>(level(type.getCoreSchema().getAttributes()));
    for (SchemaResource extension : type.getSchemaExtensions().keySet()) {
      DefaultReturned inside = new DefaultReturned(level(extension.getAttributes()));
      if (!inside.hidden.isEmpty()) {
        hidden.put(extension.getId().toLowerCase(Locale.ROOT), inside);
      }
    }
    return new DefaultReturned(hidden);
  }

  private static Map<String, DefaultReturned> level(Collection<AttributeDefinition> attributes) {
    Map<String, DefaultReturned> hidden = new HashMap<>();
    if (attributes == null) {
      return hidden;
    }
    for (AttributeDefinition attribute : attributes) {
      String name = attribute.getName().toLowerCase(Locale.ROOT);
      AttributeDefinition.Returned returned = attribute.getReturned();
      if (returned == AttributeDefinition.Returned.NEVER
          || returned == AttributeDefinition.Returned.REQUEST) {
        hidden.put(name, null);
      } else {
        Map<String, DefaultReturned> inside = level(attribute.getSubAttributes());
        if (!inside.isEmpty()) {
          hidden.put(name, new DefaultReturned(inside));
        }
      }
    }
    return hidden;
  }

  /** {@code resource} itself when it holds nothing to hide, else a copy without it. */
  ObjectNode apply(ObjectNode resource) {
    return holdsHidden(resource) ? strip(resource.deepCopy()) : resource;
  }

  private boolean holdsHidden(JsonNode node) {
    if (hidden.isEmpty()) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (holdsHidden(element)) {
          return true;
        }
      }
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey().toLowerCase(Locale.ROOT);
      if (hidden.containsKey(name)) {
        DefaultReturned inside = hidden.get(name);
        if (inside == null || inside.holdsHidden(field.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private ObjectNode strip(ObjectNode node) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey().toLowerCase(Locale.ROOT);
      if (!hidden.containsKey(name)) {
        continue;
      }
      DefaultReturned inside = hidden.get(name);
      if (inside == null) {
        fields.remove();
      } else if (field.getValue() instanceof ObjectNode object) {
        inside.strip(object);
      } else if (field.getValue().isArray()) {
        for (JsonNode element : field.getValue()) {
          if (element instanceof ObjectNode object) {
            inside.strip(object);
          }
        }
      }
    }
    return node;
  }
}
