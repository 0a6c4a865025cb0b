package io.tenantsync.connector.reconcile;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the server believes one managed tenant account looks like. {@code retained} marks an account
 * kept in the tenant after its SCIM user was deleted or deactivated (R3): still expected to exist,
 * normally with no licenses. Only accounts whose object id is known belong here.
 */
public record ExpectedAccount(
    String tenantObjectId,
    String userPrincipalName,
    boolean accountEnabled,
    Set<UUID> licensedSkuIds,
    boolean retained) {

  public ExpectedAccount {
    Objects.requireNonNull(tenantObjectId, "tenantObjectId");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    licensedSkuIds = Set.copyOf(licensedSkuIds);
  }
}
