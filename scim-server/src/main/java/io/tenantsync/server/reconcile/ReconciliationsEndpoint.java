package io.tenantsync.server.reconcile;

import io.tenantsync.server.protocol.TenantResourceEndpoint;
import jakarta.ws.rs.Path;

/**
 * {@code /scim/v2/tenants/{tenantId}/Reconciliations}; the rules are in {@link
 * ReconciliationService}.
 */
@Path("scim/v2/tenants/{tenantId}/Reconciliations")
public final class ReconciliationsEndpoint extends TenantResourceEndpoint<ReconciliationResource> {
  public ReconciliationsEndpoint(ReconciliationService service) {
    super(service, ReconciliationSchemas.RECONCILIATION, ReconciliationResource.class);
  }
}
