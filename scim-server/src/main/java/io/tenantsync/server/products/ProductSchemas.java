package io.tenantsync.server.products;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceTypes;

/** The Product resource type, for discovery. */
public final class ProductSchemas {
  public static final ResourceTypeDefinition PRODUCT =
      ResourceTypes.define(
          "Product", "/Products", ProductResource.class, "A license pool of the tenant (R7)");

  private ProductSchemas() {}
}
