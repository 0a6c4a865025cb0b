package io.tenantsync.server.reconcile;

import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.beans.IntrospectionException;

/** The Reconciliation resource type, for discovery. */
public final class ReconciliationSchemas {
  public static final ResourceTypeDefinition RECONCILIATION = build();

  private ReconciliationSchemas() {}

  private static ResourceTypeDefinition build() {
    try {
      return new ResourceTypeDefinition.Builder("Reconciliation", "/Reconciliations")
          .setId("Reconciliation")
          .setDescription("A comparison of the tenant directory with TenantSync (R5)")
          .setCoreSchema(SchemaUtils.getSchema(ReconciliationResource.class))
          .build();
    } catch (IntrospectionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
