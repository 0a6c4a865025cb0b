package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Adjusts a schema the SDK generates from its model classes where this server behaves otherwise, so
 * that {@code /Schemas} describes what is enforced (e.g. group {@code displayName} unique per
 * tenant). The SDK's definitions are immutable; an edit rebuilds the attribute.
 */
public final class SchemaEdits {
  private SchemaEdits() {}

  /**
   * {@code schema} with the attribute at {@code path} ({@code displayName}, or {@code members.$ref}
   * for a sub-attribute) rebuilt through {@code edit}; any other path is a bug.
   */
  public static SchemaResource edit(
      SchemaResource schema, String path, UnaryOperator<AttributeDefinition.Builder> edit) {
    String[] names = path.split("\\.", 2);
    List<AttributeDefinition> attributes = edited(schema.getAttributes(), names, edit, path);
    return new SchemaResource(
        schema.getId(), schema.getName(), schema.getDescription(), attributes);
  }

  private static List<AttributeDefinition> edited(
      Collection<AttributeDefinition> attributes,
      String[] names,
      UnaryOperator<AttributeDefinition.Builder> edit,
      String path) {
    List<AttributeDefinition> result = new ArrayList<>();
    boolean found = false;
    for (AttributeDefinition attribute : attributes) {
      if (!attribute.getName().equalsIgnoreCase(names[0])) {
        result.add(attribute);
        continue;
      }
      found = true;
      if (names.length == 1) {
        result.add(edit.apply(copy(attribute, attribute.getSubAttributes())).build());
      } else {
        List<AttributeDefinition> subAttributes =
            edited(attribute.getSubAttributes(), names[1].split("\\.", 2), edit, path);
        result.add(copy(attribute, subAttributes).build());
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no attribute " + path + " in the schema");
    }
    return result;
  }

  private static AttributeDefinition.Builder copy(
      AttributeDefinition attribute, Collection<AttributeDefinition> subAttributes) {
    AttributeDefinition.Builder builder =
        new AttributeDefinition.Builder()
            .setName(attribute.getName())
            .setType(attribute.getType())
            .setMultiValued(attribute.isMultiValued())
            .setDescription(attribute.getDescription())
            .setRequired(attribute.isRequired())
            .setCaseExact(attribute.isCaseExact())
            .setMutability(attribute.getMutability())
            .setReturned(attribute.getReturned())
            .setUniqueness(attribute.getUniqueness());
    if (subAttributes != null && !subAttributes.isEmpty()) {
      builder.addSubAttributes(subAttributes.toArray(AttributeDefinition[]::new));
    }
    if (attribute.getCanonicalValues() != null) {
      builder.addCanonicalValues(attribute.getCanonicalValues().toArray(String[]::new));
    }
    if (attribute.getReferenceTypes() != null) {
      builder.addReferenceTypes(attribute.getReferenceTypes().toArray(String[]::new));
    }
    return builder;
  }
}
