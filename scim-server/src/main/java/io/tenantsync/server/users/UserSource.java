package io.tenantsync.server.users;

/** Where a user came from: the reseller extension's {@code source} attribute (API.md). */
public final class UserSource {
  /** Created over SCIM by this server. */
  public static final String SCIM = "scim";

  /** Found in the tenant directory, created there directly (R5). */
  public static final String TENANT = "tenant";

  /** Found in the tenant directory, synchronised from on-premises (R17). */
  public static final String DIRECTORY_SYNC = "directorySync";

  private UserSource() {}
}
