package io.tenantsync.server.products;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenantsync.connector.ServicePlan;
import io.tenantsync.connector.SubscribedSku;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;

/**
 * Products of a tenant in Graph mode are what the tenant bought (API.md, {@code Products}): each
 * reconciliation brings them to the directory's {@code subscribedSkus}. New SKUs become products;
 * known ones (by {@code skuId}) take the tenant's part number, enabled units and service plans. The
 * pool never drops below what is assigned here: then it stays at the assigned count and a problem
 * is reported. SKUs the tenant no longer lists are kept, so assigned licenses stay visible.
 */
public final class SubscribedSkuProducts {
  private SubscribedSkuProducts() {}

  /** Mirrors {@code skus} into the tenant's products; returns problems, one sentence each. */
  public static List<String> mirror(Session session, String tenantId, List<SubscribedSku> skus) {
    List<String> problems = new ArrayList<>();
    for (SubscribedSku sku : skus) {
      String skuId = sku.skuId().toString();
      ProductEntity product =
          session
              .createSelectionQuery(
                  "from ProductEntity where tenantId = :tenant and lower(skuId) = :sku",
                  ProductEntity.class)
              .setParameter("tenant", tenantId)
              .setParameter("sku", skuId.toLowerCase(Locale.ROOT))
              .uniqueResult();
      if (product == null) {
        if (partNumberTaken(session, tenantId, sku.skuPartNumber())) {
          problems.add(
              "subscribed SKU "
                  + sku.skuPartNumber()
                  + " ("
                  + skuId
                  + ") has the part number of another product here; rename or remove that one");
          continue;
        }
        product = new ProductEntity(Ids.newId(), tenantId, skuId);
        write(product, sku, problems);
        session.persist(product);
      } else if (!same(product, sku)) {
        write(product, sku, problems);
        product.touch();
      }
    }
    session.flush();
    return problems;
  }

  private static boolean same(ProductEntity product, SubscribedSku sku) {
    return product.skuPartNumber().equals(sku.skuPartNumber())
        && product.prepaidEnabled() == Math.max(sku.enabledUnits(), product.consumedUnits())
        && product.servicePlans().equals(plans(sku));
  }

  private static void write(ProductEntity product, SubscribedSku sku, List<String> problems) {
    product.setSkuPartNumber(sku.skuPartNumber());
    if (product.displayName() == null) {
      product.setDisplayName(sku.skuPartNumber());
    }
    if (sku.enabledUnits() < product.consumedUnits()) {
      problems.add(
          sku.skuPartNumber()
              + ": the tenant has "
              + sku.enabledUnits()
              + " enabled units but "
              + product.consumedUnits()
              + " are assigned here; the pool stays at "
              + product.consumedUnits());
    }
    product.setPrepaidEnabled(Math.max(sku.enabledUnits(), product.consumedUnits()));
    product.setServicePlans(plans(sku));
  }

  private static String plans(SubscribedSku sku) {
    List<ProductResource.ServicePlan> plans = new ArrayList<>();
    for (ServicePlan plan : sku.servicePlans()) {
      ProductResource.ServicePlan wire = new ProductResource.ServicePlan();
      wire.setServicePlanId(plan.servicePlanId().toString());
      wire.setServicePlanName(plan.servicePlanName());
      wire.setService(plan.appliesTo());
      plans.add(wire);
    }
    try {
      return ScimJsonProvider.MAPPER.writeValueAsString(plans);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store service plans", e);
    }
  }

  private static boolean partNumberTaken(Session session, String tenantId, String partNumber) {
    return session
            .createSelectionQuery(
                "select count(*) from ProductEntity where tenantId = :tenant"
                    + " and lower(skuPartNumber) = :part",
                Long.class)
            .setParameter("tenant", tenantId)
            .setParameter("part", partNumber.toLowerCase(Locale.ROOT))
            .getSingleResult()
        > 0;
  }
}
