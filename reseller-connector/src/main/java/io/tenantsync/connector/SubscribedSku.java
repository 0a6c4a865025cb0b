package io.tenantsync.connector;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product the tenant has bought (R7): {@code enabledUnits} is Graph's {@code
 * prepaidUnits.enabled}, {@code consumedUnits} the units assigned. {@code capabilityStatus} is
 * Graph's {@code Enabled}, {@code Warning}, {@code Suspended}, {@code Deleted} or {@code
 * LockedOut}.
 */
public record SubscribedSku(
    UUID skuId,
    String skuPartNumber,
    int enabledUnits,
    int consumedUnits,
    List<ServicePlan> servicePlans,
    @Nullable String capabilityStatus) {

  public SubscribedSku {
    Objects.requireNonNull(skuId, "skuId");
    Objects.requireNonNull(skuPartNumber, "skuPartNumber");
    servicePlans = List.copyOf(servicePlans);
  }

  public SubscribedSku(
      UUID skuId,
      String skuPartNumber,
      int enabledUnits,
      int consumedUnits,
      List<ServicePlan> servicePlans) {
    this(skuId, skuPartNumber, enabledUnits, consumedUnits, servicePlans, null);
  }

  /** Units still free to assign; never negative. */
  public int availableUnits() {
    return Math.max(0, enabledUnits - consumedUnits);
  }
}
