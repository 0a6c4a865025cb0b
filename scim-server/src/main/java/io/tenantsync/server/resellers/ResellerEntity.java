package io.tenantsync.server.resellers;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A reseller (CSP partner, marketplace, MSP) that administers tenants by delegation. */
@Entity
@Table(name = "reseller")
public class ResellerEntity extends Auditable {
  @Id private String id;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "display_name_ci", nullable = false)
  private String displayNameCi;

  @Column(name = "external_id")
  private @Nullable String externalId;

  protected ResellerEntity() {}

  public ResellerEntity(String id, String displayName, @Nullable String externalId) {
    this.id = id;
    rename(displayName);
    this.externalId = externalId;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public @Nullable String externalId() {
    return externalId;
  }

  public void rename(String displayName) {
    this.displayName = displayName;
    this.displayNameCi = displayName.toLowerCase(Locale.ROOT);
  }

  public void setExternalId(@Nullable String externalId) {
    this.externalId = externalId;
  }
}
