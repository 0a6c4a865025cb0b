package io.tenantsync.server.products;

import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.beans.IntrospectionException;

/** The Product resource type, for discovery. */
public final class ProductSchemas {
  public static final ResourceTypeDefinition PRODUCT = build();

  private ProductSchemas() {}

  private static ResourceTypeDefinition build() {
    try {
      return new ResourceTypeDefinition.Builder("Product", "/Products")
          .setId("Product")
          .setDescription("A license pool of the tenant (R7)")
          .setCoreSchema(SchemaUtils.getSchema(ProductResource.class))
          .build();
    } catch (IntrospectionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
