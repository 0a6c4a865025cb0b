package io.tenantsync.server.auth;

/**
 * What a principal may do inside one tenant (R29, R30). Ordered from least to most.
 *
 * <ul>
 *   <li>{@code LIMITED} — a reseller's Limited administration: read users, set passwords of users
 *       that hold no admin role (same rights as a password admin).
 *   <li>{@code FULL} — a reseller's Full administration: same rights as a global admin.
 *   <li>{@code GLOBAL} — the tenant's own token, or the operator.
 * </ul>
 */
public enum AdminRights {
  LIMITED,
  FULL,
  GLOBAL;

  public boolean atLeast(AdminRights other) {
    return compareTo(other) >= 0;
  }
}
