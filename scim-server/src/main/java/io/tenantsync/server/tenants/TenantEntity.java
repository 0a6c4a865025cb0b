package io.tenantsync.server.tenants;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A customer organisation ("tenant") and how the connector reaches its directory. */
@Entity
@Table(name = "tenant")
public class TenantEntity extends Auditable {
  @Id private String id;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "initial_domain", nullable = false, updatable = false)
  private String initialDomain;

  @Column(name = "initial_domain_ci", nullable = false, updatable = false)
  private String initialDomainCi;

  @Column(name = "external_id")
  private @Nullable String externalId;

  @Column(name = "directory_type", nullable = false)
  private String directoryType;

  /** JSON of the Graph settings; the client secret inside is sealed by {@code SecretBox}. */
  @Column(name = "directory_config")
  private @Nullable String directoryConfig;

  @Column(name = "deactivation_mode", nullable = false)
  private String deactivationMode;

  @Column(name = "drift_mode", nullable = false)
  private String driftMode;

  @Column(name = "auto_claim_enabled", nullable = false)
  private boolean autoClaimEnabled;

  @Column(name = "created_by_reseller", updatable = false)
  private @Nullable String createdByReseller;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "tenant_domain", joinColumns = @JoinColumn(name = "tenant_id"))
  @OrderColumn(name = "ordinal")
  private List<TenantDomain> domains = new ArrayList<>();

  protected TenantEntity() {}

  public TenantEntity(
      String id, String displayName, String initialDomain, @Nullable String createdByReseller) {
    this.id = id;
    this.displayName = displayName;
    this.initialDomain = initialDomain.toLowerCase(Locale.ROOT);
    this.initialDomainCi = this.initialDomain;
    this.createdByReseller = createdByReseller;
    this.directoryType = "sandbox";
    this.deactivationMode = TenantSettings.DEACTIVATION_UNASSIGN;
    this.driftMode = TenantSettings.DRIFT_REPORT;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String initialDomain() {
    return initialDomain;
  }

  public @Nullable String externalId() {
    return externalId;
  }

  public void setExternalId(@Nullable String externalId) {
    this.externalId = externalId;
  }

  public String directoryType() {
    return directoryType;
  }

  public @Nullable String directoryConfig() {
    return directoryConfig;
  }

  public void setDirectory(String type, @Nullable String config) {
    this.directoryType = type;
    this.directoryConfig = config;
  }

  public TenantSettings settings() {
    return new TenantSettings(deactivationMode, driftMode, autoClaimEnabled);
  }

  public void setSettings(TenantSettings settings) {
    this.deactivationMode = settings.deactivationMode();
    this.driftMode = settings.driftMode();
    this.autoClaimEnabled = settings.autoClaimEnabled();
  }

  public @Nullable String createdByReseller() {
    return createdByReseller;
  }

  public List<TenantDomain> domains() {
    return List.copyOf(domains);
  }

  public void setDomains(List<TenantDomain> domains) {
    this.domains.clear();
    this.domains.addAll(domains);
  }

  public Optional<TenantDomain> domain(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return domains.stream().filter(domain -> domain.nameCi().equals(wanted)).findFirst();
  }

  /** The initial domain or a verified custom domain: what a userName may end in (R13, R16). */
  public boolean acceptsUserDomain(String domain) {
    String wanted = domain.toLowerCase(Locale.ROOT);
    return wanted.equals(initialDomainCi)
        || domains.stream().anyMatch(d -> d.verified() && d.nameCi().equals(wanted));
  }
}
