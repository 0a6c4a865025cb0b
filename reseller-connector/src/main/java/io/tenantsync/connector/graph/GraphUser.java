package io.tenantsync.connector.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code user} as read (GET, listings, delta). Every field may be absent: delta entries
 * carry only {@code id} and {@code @removed} for removed accounts, and may carry only the changed
 * properties for updated ones.
 */
record GraphUser(
    @Nullable String id,
    @Nullable String userPrincipalName,
    @Nullable String displayName,
    @Nullable String givenName,
    @Nullable String surname,
    @Nullable String mail,
    @Nullable String mailNickname,
    @Nullable Boolean accountEnabled,
    @Nullable String usageLocation,
    @Nullable Boolean onPremisesSyncEnabled,
    @Nullable List<GraphLicense> assignedLicenses,
    @Nullable List<String> otherMails,
    @Nullable String jobTitle,
    @Nullable String department,
    @JsonProperty("@removed") @Nullable Removed removed) {

  /** The fields requested with {@code $select} on every user read. */
  static final String SELECT =
      "id,userPrincipalName,displayName,givenName,surname,mail,mailNickname,accountEnabled,"
          + "usageLocation,onPremisesSyncEnabled,assignedLicenses,otherMails,jobTitle,department";

  /** Graph's {@code @removed} annotation on a delta entry. */
  record Removed(@Nullable String reason) {}
}
