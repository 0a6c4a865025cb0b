package io.tenantsync.server.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.UUID;

/** One of a sandbox user's {@code assignedLicenses}: the SKU and the plans left disabled. */
@Embeddable
public class SandboxLicense {
  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "sku_id", nullable = false)
  private String skuId;

  /** JSON array of service plan ids. */
  @Column(name = "disabled_plans", nullable = false)
  private String disabledPlans;

  protected SandboxLicense() {}

  SandboxLicense(String tenantId, UUID skuId, List<UUID> disabledPlans) {
    this.tenantId = tenantId;
    this.skuId = skuId.toString();
    this.disabledPlans = SandboxJson.writeUuids(disabledPlans);
  }

  public UUID skuId() {
    return UUID.fromString(skuId);
  }

  public List<UUID> disabledPlans() {
    return SandboxJson.readUuids(disabledPlans);
  }

  String tenantId() {
    return tenantId;
  }
}
