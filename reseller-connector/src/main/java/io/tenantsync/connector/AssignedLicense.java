package io.tenantsync.connector;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A license an account holds: the product and the service plans switched off in it. */
public record AssignedLicense(UUID skuId, List<UUID> disabledPlans) {

  public AssignedLicense {
    Objects.requireNonNull(skuId, "skuId");
    disabledPlans = List.copyOf(disabledPlans);
  }
}
