package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a client's full resource (POST, PUT, or the result of a PATCH) ready to check and store,
 * the same way for every resource type:
 *
 * <ul>
 *   <li>a missing {@code schemas} gets the core schema and the URN of each extension present (RFC
 *       7643 §3 requires it, yet some clients leave it out); a {@code schemas} that is given but
 *       lacks the type's core schema is refused (400 {@code invalidValue});
 *   <li>a schema URN the type does not know, and under which the resource carries no data, is
 *       dropped (Entra ID lists {@code http://schemas.microsoft.com/…/ADSCIM/2.0/Group});
 *   <li>{@code "True"/"False"} strings become booleans where the schema says boolean;
 *   <li>read-only attributes are removed (RFC 7644 §3.3: ignored on write).
 * </ul>
 */
public final class WritePreparation {
  private WritePreparation() {}

  public static void prepare(ResourceTypeDefinition type, ObjectNode resource)
      throws BadRequestException {
    schemas(type, resource);
    BooleanCoercion.coerceResource(type, resource);
    ObjectNode writable = new SchemaChecker(type).removeReadOnlyAttributes(resource);
    if (writable != resource) {
      resource.removeAll();
      resource.setAll(writable);
    }
  }

  private static void schemas(ResourceTypeDefinition type, ObjectNode resource)
      throws BadRequestException {
    List<String> known = new ArrayList<>();
    known.add(type.getCoreSchema().getId());
    for (SchemaResource extension : type.getSchemaExtensions().keySet()) {
      known.add(extension.getId());
    }
    JsonNode given = resource.get("schemas");
    ArrayNode kept = resource.arrayNode();
    if (given != null && given.isArray() && !given.isEmpty()) {
      String core = type.getCoreSchema().getId();
      boolean hasCore = false;
      for (JsonNode schema : given) {
        hasCore |= core.equalsIgnoreCase(schema.asText());
      }
      if (!hasCore) {
        throw BadRequestException.invalidValue("schemas must include " + core + ", got " + given);
      }
      for (JsonNode schema : given) {
        String urn = schema.asText();
        boolean isKnown = known.stream().anyMatch(urn::equalsIgnoreCase);
        if (isKnown || resource.has(urn)) {
          kept.add(schema);
        }
      }
    }
    if (kept.isEmpty()) {
      kept.add(type.getCoreSchema().getId());
      for (String urn : known.subList(1, known.size())) {
        if (resource.has(urn)) {
          kept.add(urn);
        }
      }
    }
    resource.set("schemas", kept);
  }
}
