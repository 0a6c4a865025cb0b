package io.tenantsync.server.users;

/** Where a user's last change stands on its way to the tenant (API.md rule 12). */
public final class SyncState {
  public static final String PENDING = "pending";
  public static final String SYNCED = "synced";
  public static final String FAILED = "failed";

  private SyncState() {}
}
