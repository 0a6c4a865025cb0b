package io.tenantsync.connector;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A license to add to an account: the product and the service plans to leave disabled (R23: an
 * auto-claim policy enables its service's plan and may disable the others).
 */
public record LicenseGrant(UUID skuId, List<UUID> disabledPlans) {

  public LicenseGrant {
    Objects.requireNonNull(skuId, "skuId");
    disabledPlans = List.copyOf(disabledPlans);
  }

  /** A grant with every service plan of the product enabled. */
  public static LicenseGrant of(UUID skuId) {
    return new LicenseGrant(skuId, List.of());
  }
}
