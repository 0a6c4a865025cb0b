package io.tenantsync.connector;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An account as the tenant directory holds it. {@code id} is the directory's immutable object id;
 * {@code onPremisesSyncEnabled} is true for accounts synchronised from an on-premises directory
 * (R17).
 */
public record DirectoryUser(
    String id,
    String userPrincipalName,
    @Nullable String displayName,
    @Nullable String givenName,
    @Nullable String surname,
    @Nullable String mail,
    @Nullable String mailNickname,
    boolean accountEnabled,
    @Nullable String usageLocation,
    boolean onPremisesSyncEnabled,
    List<AssignedLicense> assignedLicenses,
    List<String> otherMails,
    @Nullable String jobTitle,
    @Nullable String department) {

  public DirectoryUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    assignedLicenses = List.copyOf(assignedLicenses);
    otherMails = List.copyOf(otherMails);
  }

  /** The SKU ids of {@link #assignedLicenses()}. */
  public Set<UUID> licensedSkuIds() {
    return assignedLicenses.stream().map(AssignedLicense::skuId).collect(Collectors.toSet());
  }
}
