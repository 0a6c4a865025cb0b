package io.tenantsync.connector.reconcile;

import io.tenantsync.connector.DirectoryUser;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The comparison rules shared by the full and the delta reconciliation. Stateless. */
final class AccountComparison {

  private AccountComparison() {}

  /** How {@code actual} differs from {@code expected}; empty when it matches. */
  static Set<DriftKind> drift(ExpectedAccount expected, DirectoryUser actual) {
    Set<DriftKind> kinds = EnumSet.noneOf(DriftKind.class);
    if (!expected.licensedSkuIds().equals(actual.licensedSkuIds())) {
      kinds.add(DriftKind.LICENSES);
    }
    if (expected.accountEnabled() != actual.accountEnabled()) {
      kinds.add(DriftKind.SIGN_IN);
    }
    if (!expected.userPrincipalName().equalsIgnoreCase(actual.userPrincipalName())) {
      kinds.add(DriftKind.UPN_CHANGED);
    }
    return kinds;
  }

  /** Object ids compare case-insensitively (Graph GUIDs may arrive in either case). */
  static String key(String objectId) {
    return objectId.toLowerCase(Locale.ROOT);
  }
}
