package io.tenantsync.server.products;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A license pool of one tenant (R7): how many units were bought and how many are assigned. The
 * {@code consumedUnits} counter is changed only by {@link LicensePool}'s conditional updates, never
 * through this entity, so it is exact across server nodes.
 */
@Entity
@Table(name = "product")
public class ProductEntity extends Auditable {
  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "sku_id", nullable = false, updatable = false)
  private String skuId;

  @Column(name = "sku_part_number", nullable = false)
  private String skuPartNumber;

  @Column(name = "sku_part_number_ci", nullable = false)
  private String skuPartNumberCi;

  @Column(name = "display_name")
  private @Nullable String displayName;

  @Column(name = "prepaid_enabled", nullable = false)
  private int prepaidEnabled;

  @Column(name = "consumed_units", nullable = false, insertable = true, updatable = false)
  private int consumedUnits;

  @Column(name = "service_plans", nullable = false)
  private String servicePlans;

  protected ProductEntity() {}

  public ProductEntity(String id, String tenantId, String skuId) {
    this.id = id;
    this.tenantId = tenantId;
    this.skuId = skuId;
    this.servicePlans = "[]";
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String skuId() {
    return skuId;
  }

  public String skuPartNumber() {
    return skuPartNumber;
  }

  public void setSkuPartNumber(String skuPartNumber) {
    this.skuPartNumber = skuPartNumber;
    this.skuPartNumberCi = skuPartNumber.toLowerCase(Locale.ROOT);
  }

  public @Nullable String displayName() {
    return displayName;
  }

  public void setDisplayName(@Nullable String displayName) {
    this.displayName = displayName;
  }

  public int prepaidEnabled() {
    return prepaidEnabled;
  }

  public void setPrepaidEnabled(int prepaidEnabled) {
    this.prepaidEnabled = prepaidEnabled;
  }

  public int consumedUnits() {
    return consumedUnits;
  }

  public String servicePlans() {
    return servicePlans;
  }

  public void setServicePlans(String servicePlans) {
    this.servicePlans = servicePlans;
  }
}
