package io.tenantsync.connector.reconcile;

import io.tenantsync.connector.AssignedLicense;
import io.tenantsync.connector.DirectoryUser;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Test fixtures: directory accounts and expected accounts. */
final class Accounts {

  static final UUID E3 = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
  static final UUID E5 = UUID.fromString("c7df2760-2c81-4ef7-b578-5b5392b571df");

  private Accounts() {}

  static DirectoryUser inTenant(String id, String upn, boolean enabled, UUID... skus) {
    return inTenant(id, upn, enabled, false, skus);
  }

  static DirectoryUser inTenant(
      String id, String upn, boolean enabled, boolean synced, UUID... skus) {
    List<AssignedLicense> licenses =
        java.util.Arrays.stream(skus).map(s -> new AssignedLicense(s, List.of())).toList();
    return new DirectoryUser(
        id, upn, "Name", null, null, null, null, enabled, "DE", synced, licenses, List.of(), null,
        null);
  }

  static ExpectedAccount expected(String id, String upn, boolean enabled, UUID... skus) {
    return new ExpectedAccount(id, upn, enabled, Set.of(skus), false);
  }

  static ExpectedAccount retained(String id, String upn) {
    return new ExpectedAccount(id, upn, true, Set.of(), true);
  }
}
