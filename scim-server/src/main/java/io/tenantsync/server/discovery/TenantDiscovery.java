package io.tenantsync.server.discovery;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.groups.GroupSchemas;
import io.tenantsync.server.products.ProductSchemas;
import io.tenantsync.server.reconcile.ReconciliationSchemas;
import io.tenantsync.server.users.DeletedUsersEndpoint;
import io.tenantsync.server.users.UserSchemas;
import java.util.List;

/**
 * The service provider each tenant's SCIM root describes: its capabilities and resource types. A
 * capability is listed here only once the code enforces it.
 */
public final class TenantDiscovery {
  /** RFC 9865 cursor lifetime. */
  public static final int CURSOR_TIMEOUT_SECONDS = 3_600;

  private TenantDiscovery() {}

  public static Discovery create() {
    Capabilities capabilities =
        new Capabilities(true, true, true, true, true, true, CURSOR_TIMEOUT_SECONDS);
    List<ResourceTypeDefinition> types =
        List.of(
            UserSchemas.USER,
            GroupSchemas.GROUP,
            ProductSchemas.PRODUCT,
            ReconciliationSchemas.RECONCILIATION,
            DeletedUsersEndpoint.TYPE);
    return new Discovery(capabilities, types);
  }
}
