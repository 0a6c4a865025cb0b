package io.tenantsync.server.sandbox;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account of a sandbox tenant's directory (Graph's {@code user}). Its life: {@code active} →
 * {@code deleted} (soft delete, restorable for 30 days) → {@code purged} (a tombstone without
 * personal data, kept only for {@code users/delta}). {@link #changeSeq} is the tenant's change
 * sequence at the last change; {@code createdAt} of {@link Auditable} is Graph's {@code
 * createdDateTime}.
 */
@Entity
@Table(name = "sandbox_user")
public class SandboxUserEntity extends Auditable {
  static final String ACTIVE = "active";
  static final String DELETED = "deleted";
  static final String PURGED = "purged";

  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "state", nullable = false)
  private String state;

  @Column(name = "user_principal_name", nullable = false)
  private String userPrincipalName;

  @Column(name = "upn_ci")
  private @Nullable String upnCi;

  @Column(name = "display_name")
  private @Nullable String displayName;

  @Column(name = "given_name")
  private @Nullable String givenName;

  @Column(name = "surname")
  private @Nullable String surname;

  @Column(name = "mail")
  private @Nullable String mail;

  @Column(name = "mail_nickname")
  private @Nullable String mailNickname;

  @Column(name = "account_enabled", nullable = false)
  private boolean accountEnabled;

  @Column(name = "usage_location")
  private @Nullable String usageLocation;

  @Column(name = "on_premises_sync", nullable = false, updatable = false)
  private boolean onPremisesSyncEnabled;

  /** JSON array of strings; null when empty. */
  @Column(name = "other_mails")
  private @Nullable String otherMails;

  @Column(name = "job_title")
  private @Nullable String jobTitle;

  @Column(name = "department")
  private @Nullable String department;

  @Column(name = "password_changed_at")
  private @Nullable Long passwordChangedAt;

  @Column(name = "deleted_at")
  private @Nullable Long deletedAt;

  @Column(name = "purged_at")
  private @Nullable Long purgedAt;

  @Column(name = "change_seq", nullable = false)
  private long changeSeq;

  @ElementCollection
  @CollectionTable(name = "sandbox_user_license", joinColumns = @JoinColumn(name = "user_id"))
  @OrderColumn(name = "ordinal")
  private List<SandboxLicense> licenses = new ArrayList<>();

  protected SandboxUserEntity() {}

  SandboxUserEntity(String id, String tenantId, String userPrincipalName, boolean synced) {
    this.id = id;
    this.tenantId = tenantId;
    this.state = ACTIVE;
    this.onPremisesSyncEnabled = synced;
    setUserPrincipalName(userPrincipalName);
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String state() {
    return state;
  }

  public boolean isActive() {
    return ACTIVE.equals(state);
  }

  public boolean isDeleted() {
    return DELETED.equals(state);
  }

  public boolean isPurged() {
    return PURGED.equals(state);
  }

  public String userPrincipalName() {
    return userPrincipalName;
  }

  /** Sets the UPN; while the account is active it also claims the case-insensitive twin. */
  void setUserPrincipalName(String value) {
    this.userPrincipalName = value;
    this.upnCi = isActive() ? value.toLowerCase(Locale.ROOT) : null;
  }

  public @Nullable String displayName() {
    return displayName;
  }

  void setDisplayName(@Nullable String value) {
    this.displayName = value;
  }

  public @Nullable String givenName() {
    return givenName;
  }

  void setGivenName(@Nullable String value) {
    this.givenName = value;
  }

  public @Nullable String surname() {
    return surname;
  }

  void setSurname(@Nullable String value) {
    this.surname = value;
  }

  public @Nullable String mail() {
    return mail;
  }

  void setMail(@Nullable String value) {
    this.mail = value;
  }

  public @Nullable String mailNickname() {
    return mailNickname;
  }

  void setMailNickname(@Nullable String value) {
    this.mailNickname = value;
  }

  public boolean accountEnabled() {
    return accountEnabled;
  }

  void setAccountEnabled(boolean value) {
    this.accountEnabled = value;
  }

  public @Nullable String usageLocation() {
    return usageLocation;
  }

  void setUsageLocation(@Nullable String value) {
    this.usageLocation = value;
  }

  public boolean onPremisesSyncEnabled() {
    return onPremisesSyncEnabled;
  }

  public List<String> otherMails() {
    return otherMails == null ? List.of() : SandboxJson.readStrings(otherMails);
  }

  void setOtherMails(List<String> values) {
    this.otherMails = values.isEmpty() ? null : SandboxJson.writeStrings(values);
  }

  public @Nullable String jobTitle() {
    return jobTitle;
  }

  void setJobTitle(@Nullable String value) {
    this.jobTitle = value;
  }

  public @Nullable String department() {
    return department;
  }

  void setDepartment(@Nullable String value) {
    this.department = value;
  }

  public Optional<Instant> passwordChanged() {
    return Optional.ofNullable(passwordChangedAt).map(Instant::ofEpochMilli);
  }

  void passwordSet(long now) {
    this.passwordChangedAt = now;
  }

  public Optional<Instant> deleted() {
    return Optional.ofNullable(deletedAt).map(Instant::ofEpochMilli);
  }

  public long changeSeq() {
    return changeSeq;
  }

  /** Records a change: the row takes the next number of the tenant's change sequence. */
  void changed(long seq) {
    this.changeSeq = seq;
    touch();
  }

  public List<SandboxLicense> licenses() {
    return List.copyOf(licenses);
  }

  public Optional<SandboxLicense> license(UUID skuId) {
    return licenses.stream().filter(l -> l.skuId().equals(skuId)).findFirst();
  }

  /** Adds the license, or replaces the disabled plans of the one already held. */
  void putLicense(UUID skuId, List<UUID> disabledPlans) {
    SandboxLicense license = new SandboxLicense(tenantId, skuId, disabledPlans);
    for (int i = 0; i < licenses.size(); i++) {
      if (licenses.get(i).skuId().equals(skuId)) {
        licenses.set(i, license);
        return;
      }
    }
    licenses.add(license);
  }

  void removeLicense(UUID skuId) {
    licenses.removeIf(l -> l.skuId().equals(skuId));
  }

  /** Soft delete: leaves the live UPN space and keeps everything else for a restore. */
  void softDelete(long now) {
    this.state = DELETED;
    this.deletedAt = now;
    this.upnCi = null;
  }

  /** Back to active; the caller has checked that the UPN is free. */
  void restore() {
    this.state = ACTIVE;
    this.deletedAt = null;
    setUserPrincipalName(userPrincipalName);
  }

  /** Hard delete: a tombstone that keeps only the id, for delta's {@code @removed: deleted}. */
  void purge(long now) {
    this.state = PURGED;
    this.purgedAt = now;
    this.upnCi = null;
    this.userPrincipalName = "";
    this.displayName = null;
    this.givenName = null;
    this.surname = null;
    this.mail = null;
    this.mailNickname = null;
    this.accountEnabled = false;
    this.usageLocation = null;
    this.otherMails = null;
    this.jobTitle = null;
    this.department = null;
    this.licenses.clear();
  }
}
