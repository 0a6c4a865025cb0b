package io.tenantsync.connector.reconcile;

/** How a managed account differs in the tenant from what the server expects. */
public enum DriftKind {
  /** The set of assigned products differs (disabled plans are not compared). */
  LICENSES,
  /** Sign-in is blocked where it should be allowed, or the reverse (R18). */
  SIGN_IN,
  /** The UPN was changed in the tenant (R4); compared case-insensitively. */
  UPN_CHANGED
}
