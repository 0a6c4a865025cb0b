package io.tenantsync.server.products;

import io.tenantsync.server.protocol.TenantResourceEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/tenants/{tenantId}/Products}; the rules are in {@link ProductService}. */
@Path("scim/v2/tenants/{tenantId}/Products")
public final class ProductsEndpoint extends TenantResourceEndpoint<ProductResource> {
  public ProductsEndpoint(ProductService service) {
    super(service, ProductSchemas.PRODUCT, ProductResource.class);
  }
}
