package io.tenantsync.server.sandbox;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A product a sandbox tenant has bought (Graph's {@code subscribedSku}). {@code consumedUnits} is
 * read-only here: only {@link SandboxSkus#take} and {@link SandboxSkus#release} change it, with
 * conditional UPDATEs, so that Hibernate never writes back a stale count.
 */
@Entity
@Table(name = "sandbox_sku")
public class SandboxSkuEntity extends Auditable {
  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "sku_id", nullable = false, updatable = false)
  private String skuId;

  @Column(name = "sku_part_number", nullable = false, updatable = false)
  private String skuPartNumber;

  @Column(name = "sku_part_number_ci", nullable = false, updatable = false)
  private String skuPartNumberCi;

  @Column(name = "capability_status", nullable = false)
  private String capabilityStatus;

  @Column(name = "prepaid_enabled", nullable = false)
  private int prepaidEnabled;

  @Column(name = "prepaid_suspended", nullable = false)
  private int prepaidSuspended;

  @Column(name = "prepaid_warning", nullable = false)
  private int prepaidWarning;

  @Column(name = "consumed_units", nullable = false, updatable = false)
  private int consumedUnits;

  /** JSON array of Graph's {@code servicePlanInfo}. */
  @Column(name = "service_plans", nullable = false)
  private String servicePlans;

  protected SandboxSkuEntity() {}

  SandboxSkuEntity(String tenantId, UUID skuId, String skuPartNumber, List<ServicePlan> plans) {
    this.id = tenantId + "_" + skuId;
    this.tenantId = tenantId;
    this.skuId = skuId.toString();
    this.skuPartNumber = skuPartNumber;
    this.skuPartNumberCi = skuPartNumber.toLowerCase(Locale.ROOT);
    this.capabilityStatus = "Enabled";
    this.servicePlans = ServicePlan.write(plans);
  }

  /** Graph's {@code subscribedSku.id}: {@code {tenantId}_{skuId}}. */
  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public UUID skuId() {
    return UUID.fromString(skuId);
  }

  public String skuPartNumber() {
    return skuPartNumber;
  }

  public String capabilityStatus() {
    return capabilityStatus;
  }

  void setCapabilityStatus(String value) {
    this.capabilityStatus = value;
  }

  public int prepaidEnabled() {
    return prepaidEnabled;
  }

  public int prepaidSuspended() {
    return prepaidSuspended;
  }

  public int prepaidWarning() {
    return prepaidWarning;
  }

  void setPrepaidUnits(int enabled, int suspended, int warning) {
    this.prepaidEnabled = enabled;
    this.prepaidSuspended = suspended;
    this.prepaidWarning = warning;
  }

  /** As read at load time; reload the row after {@code take}/{@code release} to see the change. */
  public int consumedUnits() {
    return consumedUnits;
  }

  public List<ServicePlan> servicePlans() {
    return ServicePlan.read(servicePlans);
  }

  void setServicePlans(List<ServicePlan> plans) {
    this.servicePlans = ServicePlan.write(plans);
  }
}
