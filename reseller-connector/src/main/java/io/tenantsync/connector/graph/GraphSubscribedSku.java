package io.tenantsync.connector.graph;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code subscribedSku}: {@code {"skuId","skuPartNumber","capabilityStatus",
 * "prepaidUnits":{"enabled":N,…},"consumedUnits":N,"servicePlans":[…]}}.
 */
record GraphSubscribedSku(
    @Nullable UUID skuId,
    @Nullable String skuPartNumber,
    @Nullable String capabilityStatus,
    @Nullable PrepaidUnits prepaidUnits,
    @Nullable Integer consumedUnits,
    @Nullable List<Plan> servicePlans) {

  /** Graph's {@code licenseUnitsDetail}. */
  record PrepaidUnits(
      @Nullable Integer enabled, @Nullable Integer suspended, @Nullable Integer warning) {}

  /** Graph's {@code servicePlanInfo}. */
  record Plan(
      @Nullable UUID servicePlanId,
      @Nullable String servicePlanName,
      @Nullable String appliesTo,
      @Nullable String provisioningStatus) {}
}
