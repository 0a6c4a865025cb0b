package io.tenantsync.server.outbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one user's account in the tenant directory must look like after a change: the payload of an
 * outbox row. Applying it is idempotent (the connector compares and only changes what differs), so
 * at-least-once delivery does no harm.
 *
 * @param tenantObjectId the directory account's immutable id once known (R4), else null
 * @param skuIds licenses the account must hold (suspended ones excluded)
 * @param sealedPassword a new password, sealed; null when the change set none
 * @param retained the user was deleted over SCIM: the account stays, without licenses
 * @param deleted the account is deleted for real (soft delete in the tenant, restorable for 30
 *     days); false again after a restore
 */
public record UserDirectoryState(
    @Nullable String tenantObjectId,
    String userPrincipalName,
    @Nullable String displayName,
    @Nullable String givenName,
    @Nullable String surname,
    String mailNickname,
    boolean accountEnabled,
    @Nullable String usageLocation,
    @Nullable String alternateEmail,
    List<String> skuIds,
    @Nullable String sealedPassword,
    boolean retained,
    boolean deleted) {

  /** The same state without a password to set. */
  public UserDirectoryState withoutPassword() {
    return new UserDirectoryState(
        tenantObjectId,
        userPrincipalName,
        displayName,
        givenName,
        surname,
        mailNickname,
        accountEnabled,
        usageLocation,
        alternateEmail,
        skuIds,
        null,
        retained,
        deleted);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return ("UserDirectoryState[upn=%s, enabled=%s, skus=%s, password=%s, retained=%s,"
            + " deleted=%s]")
        .formatted(
            userPrincipalName,
            accountEnabled,
            skuIds,
            sealedPassword == null ? "-" : "***",
            retained,
            deleted);
  }
}
