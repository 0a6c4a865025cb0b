package io.tenantsync.connector;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change to an account: every non-null field is set, every field in {@link #cleared()} is
 * emptied, everything else is left alone. Build one with {@link #builder()}.
 *
 * <pre>{@code
 * DirectoryUserChanges.builder().accountEnabled(false).clear(Clearable.JOB_TITLE).build()
 * }</pre>
 *
 * <p>A password set here is a reset by an administrator (R9); it is never printed: {@link
 * #toString()} masks it.
 */
public record DirectoryUserChanges(
    @Nullable String userPrincipalName,
    @Nullable String displayName,
    @Nullable String givenName,
    @Nullable String surname,
    @Nullable String mailNickname,
    @Nullable Boolean accountEnabled,
    @Nullable String usageLocation,
    @Nullable String password,
    @Nullable Boolean forceChangePasswordNextSignIn,
    @Nullable List<String> otherMails,
    @Nullable String jobTitle,
    @Nullable String department,
    Set<Clearable> cleared) {

  /** The optional attributes that can be emptied. */
  public enum Clearable {
    GIVEN_NAME,
    SURNAME,
    USAGE_LOCATION,
    OTHER_MAILS,
    JOB_TITLE,
    DEPARTMENT
  }

  public DirectoryUserChanges {
    otherMails = otherMails == null ? null : List.copyOf(otherMails);
    cleared = cleared.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(cleared));
    for (Clearable c : cleared) {
      Object value =
          switch (c) {
            case GIVEN_NAME -> givenName;
            case SURNAME -> surname;
            case USAGE_LOCATION -> usageLocation;
            case OTHER_MAILS -> otherMails;
            case JOB_TITLE -> jobTitle;
            case DEPARTMENT -> department;
          };
      if (value != null) {
        throw new IllegalArgumentException(c + " is both set and cleared");
      }
    }
    if (forceChangePasswordNextSignIn != null && password == null) {
      throw new IllegalArgumentException("forceChangePasswordNextSignIn needs a password");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when applying this change would change nothing. */
  public boolean isEmpty() {
    return userPrincipalName == null
        && displayName == null
        && givenName == null
        && surname == null
        && mailNickname == null
        && accountEnabled == null
        && usageLocation == null
        && password == null
        && otherMails == null
        && jobTitle == null
        && department == null
        && cleared.isEmpty();
  }

  @Override
  public String toString() {
    return "DirectoryUserChanges[userPrincipalName="
        + userPrincipalName
        + ", displayName="
        + displayName
        + ", givenName="
        + givenName
        + ", surname="
        + surname
        + ", mailNickname="
        + mailNickname
        + ", accountEnabled="
        + accountEnabled
        + ", usageLocation="
        + usageLocation
        + ", password="
        + Secrets.mask(password)
        + ", forceChangePasswordNextSignIn="
        + forceChangePasswordNextSignIn
        + ", otherMails="
        + otherMails
        + ", jobTitle="
        + jobTitle
        + ", department="
        + department
        + ", cleared="
        + cleared
        + "]";
  }

  /** Collects a change field by field; not thread-safe. */
  public static final class Builder {
    private @Nullable String userPrincipalName;
    private @Nullable String displayName;
    private @Nullable String givenName;
    private @Nullable String surname;
    private @Nullable String mailNickname;
    private @Nullable Boolean accountEnabled;
    private @Nullable String usageLocation;
    private @Nullable String password;
    private @Nullable Boolean forceChangePasswordNextSignIn;
    private @Nullable List<String> otherMails;
    private @Nullable String jobTitle;
    private @Nullable String department;
    private final Set<Clearable> cleared = EnumSet.noneOf(Clearable.class);

    private Builder() {}

    public Builder userPrincipalName(String value) {
      this.userPrincipalName = value;
      return this;
    }

    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    public Builder givenName(String value) {
      this.givenName = value;
      return this;
    }

    public Builder surname(String value) {
      this.surname = value;
      return this;
    }

    public Builder mailNickname(String value) {
      this.mailNickname = value;
      return this;
    }

    public Builder accountEnabled(boolean value) {
      this.accountEnabled = value;
      return this;
    }

    public Builder usageLocation(String value) {
      this.usageLocation = value;
      return this;
    }

    /** Resets the password; the user must change it at next sign-in unless told otherwise. */
    public Builder password(String value, boolean forceChangeNextSignIn) {
      this.password = value;
      this.forceChangePasswordNextSignIn = forceChangeNextSignIn;
      return this;
    }

    public Builder otherMails(List<String> value) {
      this.otherMails = value;
      return this;
    }

    public Builder jobTitle(String value) {
      this.jobTitle = value;
      return this;
    }

    public Builder department(String value) {
      this.department = value;
      return this;
    }

    public Builder clear(Clearable field) {
      cleared.add(field);
      return this;
    }

    public DirectoryUserChanges build() {
      return new DirectoryUserChanges(
          userPrincipalName,
          displayName,
          givenName,
          surname,
          mailNickname,
          accountEnabled,
          usageLocation,
          password,
          forceChangePasswordNextSignIn,
          otherMails,
          jobTitle,
          department,
          cleared);
    }
  }
}
