package io.tenantsync.connector;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account to create in the tenant (R2, R14).
 *
 * <p>{@code password} is the initial password; when null the directory implementation sets a random
 * one that nobody knows (the user signs in through federation or self-service reset). {@code
 * mailNickname}, when null, is derived from the UPN's local part. The password is never printed:
 * {@link #toString()} masks it.
 */
public record DirectoryUserDraft(
    String userPrincipalName,
    String displayName,
    @Nullable String mailNickname,
    @Nullable String givenName,
    @Nullable String surname,
    boolean accountEnabled,
    @Nullable String usageLocation,
    @Nullable String password,
    List<String> otherMails,
    @Nullable String jobTitle,
    @Nullable String department,
    boolean forceChangePasswordNextSignIn) {

  public DirectoryUserDraft {
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(displayName, "displayName");
    otherMails = List.copyOf(otherMails);
  }

  /** A draft whose password, if any, must be changed at first sign-in. */
  public DirectoryUserDraft(
      String userPrincipalName,
      String displayName,
      @Nullable String mailNickname,
      @Nullable String givenName,
      @Nullable String surname,
      boolean accountEnabled,
      @Nullable String usageLocation,
      @Nullable String password,
      List<String> otherMails,
      @Nullable String jobTitle,
      @Nullable String department) {
    this(
        userPrincipalName,
        displayName,
        mailNickname,
        givenName,
        surname,
        accountEnabled,
        usageLocation,
        password,
        otherMails,
        jobTitle,
        department,
        true);
  }

  @Override
  public String toString() {
    return "DirectoryUserDraft[userPrincipalName="
        + userPrincipalName
        + ", displayName="
        + displayName
        + ", mailNickname="
        + mailNickname
        + ", givenName="
        + givenName
        + ", surname="
        + surname
        + ", accountEnabled="
        + accountEnabled
        + ", usageLocation="
        + usageLocation
        + ", password="
        + Secrets.mask(password)
        + ", otherMails="
        + otherMails
        + ", jobTitle="
        + jobTitle
        + ", department="
        + department
        + ", forceChangePasswordNextSignIn="
        + forceChangePasswordNextSignIn
        + "]";
  }
}
