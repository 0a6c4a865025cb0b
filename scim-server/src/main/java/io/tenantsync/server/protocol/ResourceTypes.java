package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.beans.IntrospectionException;
import org.jspecify.annotations.Nullable;

/** Resource type definitions (RFC 7643 §6) of the SDK-annotated installation-level resources. */
public final class ResourceTypes {
  private ResourceTypes() {}

  /**
   * The type {@code name} served at {@code endpoint} (relative, {@code /Resellers}), whose only
   * schema is the one {@code resourceClass} is annotated with.
   */
  public static ResourceTypeDefinition define(
      String name, String endpoint, Class<?> resourceClass) {
    return define(name, endpoint, resourceClass, null);
  }

  /**
   * As {@link #define(String, String, Class)}, described by {@code description} (null: the
   * schema's).
   */
  public static ResourceTypeDefinition define(
      String name, String endpoint, Class<?> resourceClass, @Nullable String description) {
    try {
      var schema = SchemaUtils.getSchema(resourceClass);
      return new ResourceTypeDefinition.Builder(name, endpoint)
          .setId(name)
          .setDescription(description == null ? schema.getDescription() : description)
          .setCoreSchema(schema)
          .build();
    } catch (IntrospectionException e) {
      throw new IllegalStateException("cannot describe " + resourceClass, e);
    }
  }
}
