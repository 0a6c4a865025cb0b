package io.tenantsync.server.sandbox;

import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Keeps a sandbox tenant's subscribed SKUs in step with its TenantSync Products: in sandbox mode
 * the Products are what the tenant "bought", so each one exists as a SKU of the same id, part
 * number and prepaid units, written in the caller's transaction. The sandbox's own {@code
 * consumedUnits} stays what its accounts hold.
 */
public final class SandboxSkuMirror {
  private SandboxSkuMirror() {}

  /** One service plan of a product, by id and name. */
  public record Plan(String servicePlanId, String servicePlanName) {}

  public static void upsert(
      Session session,
      String tenantId,
      String skuId,
      String skuPartNumber,
      int prepaidEnabled,
      List<Plan> plans) {
    String planJson =
        ServicePlan.write(
            plans.stream()
                .map(
                    plan ->
                        new ServicePlan(
                            UUID.fromString(plan.servicePlanId()),
                            plan.servicePlanName(),
                            "User",
                            "Success"))
                .toList());
    long now = System.currentTimeMillis();
    int updated =
        session
            .createNativeMutationQuery(
                "update sandbox_sku set sku_part_number = :part, sku_part_number_ci = :partCi,"
                    + " prepaid_enabled = greatest(:prepaid, consumed_units), service_plans = :plans,"
                    + " last_modified = :now, version = version + 1"
                    + " where tenant_id = :tenant and sku_id = :sku")
            .setParameter("part", skuPartNumber)
            .setParameter("partCi", skuPartNumber.toLowerCase(java.util.Locale.ROOT))
            .setParameter("prepaid", prepaidEnabled)
            .setParameter("plans", planJson)
            .setParameter("now", now)
            .setParameter("tenant", tenantId)
            .setParameter("sku", skuId)
            .executeUpdate();
    if (updated == 0) {
      session
          .createNativeMutationQuery(
              "insert into sandbox_sku (id, tenant_id, sku_id, sku_part_number, sku_part_number_ci,"
                  + " capability_status, prepaid_enabled, prepaid_suspended, prepaid_warning,"
                  + " consumed_units, service_plans, created_at, last_modified, version)"
                  + " values (:id, :tenant, :sku, :part, :partCi, 'Enabled', :prepaid, 0, 0, 0,"
                  + " :plans, :now, :now, 0)")
          .setParameter("id", tenantId + "_" + skuId)
          .setParameter("tenant", tenantId)
          .setParameter("sku", skuId)
          .setParameter("part", skuPartNumber)
          .setParameter("partCi", skuPartNumber.toLowerCase(java.util.Locale.ROOT))
          .setParameter("prepaid", prepaidEnabled)
          .setParameter("plans", planJson)
          .setParameter("now", now)
          .executeUpdate();
    }
  }
}
