package io.tenantsync.server.users;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM User of one tenant. The whole resource as last written is kept as JSON in {@link
 * #attributes}; the columns hold what filters, sorting, uniqueness and the reseller rules need,
 * written from the same JSON by {@link UserMapper}, so both always agree.
 */
@Entity
@Table(name = "scim_user")
public class UserEntity extends Auditable implements StoredUser {
  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "user_name", nullable = false)
  private String userName;

  @Column(name = "user_name_ci", nullable = false)
  private String userNameCi;

  @Column(name = "initial_user_name", nullable = false)
  private String initialUserName;

  @Column(name = "initial_user_name_ci", nullable = false)
  private String initialUserNameCi;

  @Column(name = "external_id")
  private @Nullable String externalId;

  @Column(name = "display_name")
  private @Nullable String displayName;

  @Column(name = "given_name")
  private @Nullable String givenName;

  @Column(name = "family_name")
  private @Nullable String familyName;

  @Column(name = "title")
  private @Nullable String title;

  @Column(name = "user_type")
  private @Nullable String userType;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Column(name = "managed", nullable = false)
  private boolean managed;

  @Column(name = "source", nullable = false)
  private String source;

  @Column(name = "tenant_object_id")
  private @Nullable String tenantObjectId;

  @Column(name = "usage_location")
  private @Nullable String usageLocation;

  @Column(name = "alternate_email")
  private @Nullable String alternateEmail;

  @Column(name = "employee_number")
  private @Nullable String employeeNumber;

  @Column(name = "department")
  private @Nullable String department;

  @Column(name = "sync_state", nullable = false)
  private String syncState;

  @Column(name = "sync_error")
  private @Nullable String syncError;

  /** Deleted over SCIM, tenant account kept for a later re-link (API.md rule 7): 404 over SCIM. */
  @Column(name = "retained", nullable = false)
  private boolean retained;

  /** Number of the last outbox row written for this user: rows of one user are ordered. */
  @Column(name = "outbox_sequence", nullable = false, insertable = false, updatable = false)
  private long outboxSequence;

  /** When the account was deleted for real (R20); null while it exists. */
  @Column(name = "deleted_at")
  private @Nullable Long deletedAt;

  @Column(name = "attributes", nullable = false)
  private String attributes;

  @ElementCollection
  @CollectionTable(name = "user_email", joinColumns = @JoinColumn(name = "user_id"))
  @OrderColumn(name = "ordinal")
  private List<UserEmail> emails = new ArrayList<>();

  /**
   * The names this user holds (userName and initialUserName), kept in step by their setters; the
   * database refuses one another user holds (409 {@code uniqueness}).
   */
  @ElementCollection
  @CollectionTable(name = "user_name_reservation", joinColumns = @JoinColumn(name = "user_id"))
  private Set<ReservedName> reservedNames = new HashSet<>();

  protected UserEntity() {}

  public UserEntity(String id, String tenantId) {
    this.id = id;
    this.tenantId = tenantId;
    this.active = true;
    this.managed = true;
    this.source = UserSource.SCIM;
    this.syncState = SyncState.PENDING;
    this.attributes = "{}";
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String userName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
    String ci = userName.toLowerCase(Locale.ROOT);
    if (!ci.equals(userNameCi)) {
      this.userNameCi = ci;
      reserveNames();
    }
  }

  public String initialUserName() {
    return initialUserName;
  }

  public void setInitialUserName(String initialUserName) {
    this.initialUserName = initialUserName;
    String ci = initialUserName.toLowerCase(Locale.ROOT);
    if (!ci.equals(initialUserNameCi)) {
      this.initialUserNameCi = ci;
      reserveNames();
    }
  }

  /** Brings {@link #reservedNames} to the current userName and initialUserName. */
  private void reserveNames() {
    if (userNameCi == null || initialUserNameCi == null) {
      return; // a new user, before both names are set
    }
    Set<ReservedName> wanted =
        Set.copyOf(
            List.of(
                new ReservedName(tenantId, userNameCi),
                new ReservedName(tenantId, initialUserNameCi)));
    reservedNames.retainAll(wanted);
    reservedNames.addAll(wanted);
  }

  public @Nullable String externalId() {
    return externalId;
  }

  public void setExternalId(@Nullable String externalId) {
    this.externalId = externalId;
  }

  public void setIdentity(
      @Nullable String displayName,
      @Nullable String givenName,
      @Nullable String familyName,
      @Nullable String title,
      @Nullable String userType) {
    this.displayName = displayName;
    this.givenName = givenName;
    this.familyName = familyName;
    this.title = title;
    this.userType = userType;
  }

  public void setEnterprise(@Nullable String employeeNumber, @Nullable String department) {
    this.employeeNumber = employeeNumber;
    this.department = department;
  }

  public boolean active() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public boolean managed() {
    return managed;
  }

  public void setManaged(boolean managed) {
    this.managed = managed;
  }

  public String source() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public @Nullable String tenantObjectId() {
    return tenantObjectId;
  }

  public void setTenantObjectId(@Nullable String tenantObjectId) {
    this.tenantObjectId = tenantObjectId;
  }

  public @Nullable String usageLocation() {
    return usageLocation;
  }

  public void setUsageLocation(@Nullable String usageLocation) {
    this.usageLocation = usageLocation;
  }

  public @Nullable String alternateEmail() {
    return alternateEmail;
  }

  public void setAlternateEmail(@Nullable String alternateEmail) {
    this.alternateEmail = alternateEmail;
  }

  public String syncState() {
    return syncState;
  }

  public @Nullable String syncError() {
    return syncError;
  }

  public void setSync(String syncState, @Nullable String syncError) {
    this.syncState = syncState;
    this.syncError = syncError;
  }

  public boolean retained() {
    return retained;
  }

  public void setRetained(boolean retained) {
    this.retained = retained;
  }

  /** The number of the user's latest outbox row (changed only by {@code appendOutbox}). */
  public long outboxSequence() {
    return outboxSequence;
  }

  public @Nullable Long deletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(@Nullable Long deletedAt) {
    this.deletedAt = deletedAt;
  }

  public String attributes() {
    return attributes;
  }

  public void setAttributes(String attributes) {
    this.attributes = attributes;
  }

  public List<UserEmail> emails() {
    return List.copyOf(emails);
  }

  public void setEmails(List<UserEmail> emails) {
    this.emails.clear();
    this.emails.addAll(emails);
  }
}
