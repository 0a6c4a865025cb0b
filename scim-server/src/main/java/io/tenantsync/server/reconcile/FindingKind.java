package io.tenantsync.server.reconcile;

/** The kinds of recorded findings, with their wire names. */
public enum FindingKind {
  /** The account's licenses differ from the user's entitlements. */
  LICENSES("licenses"),
  /** Sign-in is blocked where it should be allowed, or the reverse. */
  SIGN_IN("signIn"),
  /** The UPN was changed in the tenant; the link follows the object id (R4). */
  UPN_CHANGED("upnChanged"),
  /** A managed or retained account was deleted in the tenant. */
  DELETED_IN_TENANT("deletedInTenant"),
  /** An account deleted through this server was restored in the tenant. */
  RESTORED_IN_TENANT("restoredInTenant"),
  /** An unmanaged account holds a license whose pool has no free unit here. */
  POOL_EXCEEDED("poolExceeded"),
  /** An account's UPN is another user's userName or initialUserName here. */
  CONFLICT("conflict"),
  /** A subscribed SKU could not be mirrored as a product (Graph mode). */
  PRODUCT("product");

  private final String wire;

  FindingKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
