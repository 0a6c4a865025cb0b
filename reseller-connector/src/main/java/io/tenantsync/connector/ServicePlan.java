package io.tenantsync.connector;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service inside a product (e.g. Teams in an Office bundle, R23). {@code appliesTo} is {@code
 * User} or {@code Company}; {@code provisioningStatus} is Graph's {@code Success}, {@code
 * PendingInput}, {@code Disabled}…
 */
public record ServicePlan(
    UUID servicePlanId,
    String servicePlanName,
    @Nullable String appliesTo,
    @Nullable String provisioningStatus) {

  public ServicePlan {
    Objects.requireNonNull(servicePlanId, "servicePlanId");
    Objects.requireNonNull(servicePlanName, "servicePlanName");
  }
}
