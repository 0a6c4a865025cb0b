package io.tenantsync.server.reconcile;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceTypes;

/** The Reconciliation resource type, for discovery. */
public final class ReconciliationSchemas {
  public static final ResourceTypeDefinition RECONCILIATION =
      ResourceTypes.define(
          "Reconciliation",
          "/Reconciliations",
          ReconciliationResource.class,
          "A comparison of the tenant directory with TenantSync (R5)");

  private ReconciliationSchemas() {}
}
