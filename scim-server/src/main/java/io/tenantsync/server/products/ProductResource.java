package io.tenantsync.server.products;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import java.util.List;

/**
 * The {@code Products} wire resource: one license pool (R7), in Graph's subscribedSkus terms.
 *
 * <pre>{"schemas":["urn:tenantsync:scim:schemas:core:2.0:Product"],
 *  "skuPartNumber":"ENTERPRISEPACK","displayName":"Office 365 E3",
 *  "prepaidUnits":{"enabled":25},"consumedUnits":3,
 *  "servicePlans":[{"servicePlanId":"…","servicePlanName":"TEAMS1","service":"Teams"}]}</pre>
 */
@Schema(id = ProductResource.SCHEMA, name = "Product", description = "A license pool")
public class ProductResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:Product";

  @Attribute(
      description = "The SKU's GUID; generated when not given",
      mutability = Mutability.IMMUTABLE,
      uniqueness = Uniqueness.SERVER)
  private String skuId;

  @Attribute(
      description = "The SKU's part number, e.g. ENTERPRISEPACK; the value of user entitlements",
      isRequired = true,
      uniqueness = Uniqueness.SERVER)
  private String skuPartNumber;

  @Attribute(description = "A human name for the product")
  private String displayName;

  @Attribute(description = "Units bought", isRequired = true)
  private PrepaidUnits prepaidUnits;

  @Attribute(description = "Units assigned to users", mutability = Mutability.READ_ONLY)
  private Integer consumedUnits;

  @Attribute(
      description = "The service plans the product includes",
      multiValueClass = ServicePlan.class)
  private List<ServicePlan> servicePlans;

  /** {@code {"enabled": 25}}. */
  public static class PrepaidUnits {
    @Attribute(description = "Units bought and enabled", isRequired = true)
    private Integer enabled;

    public Integer getEnabled() {
      return enabled;
    }

    public void setEnabled(Integer enabled) {
      this.enabled = enabled;
    }
  }

  /** One service plan of the product. */
  public static class ServicePlan {
    @Attribute(description = "The plan's GUID")
    private String servicePlanId;

    @Attribute(description = "The plan's name, e.g. TEAMS1", isRequired = true)
    private String servicePlanName;

    @Attribute(description = "The service the plan provides, e.g. Teams")
    private String service;

    public String getServicePlanId() {
      return servicePlanId;
    }

    public void setServicePlanId(String servicePlanId) {
      this.servicePlanId = servicePlanId;
    }

    public String getServicePlanName() {
      return servicePlanName;
    }

    public void setServicePlanName(String servicePlanName) {
      this.servicePlanName = servicePlanName;
    }

    public String getService() {
      return service;
    }

    public void setService(String service) {
      this.service = service;
    }
  }

  public String getSkuId() {
    return skuId;
  }

  public void setSkuId(String skuId) {
    this.skuId = skuId;
  }

  public String getSkuPartNumber() {
    return skuPartNumber;
  }

  public void setSkuPartNumber(String skuPartNumber) {
    this.skuPartNumber = skuPartNumber;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public PrepaidUnits getPrepaidUnits() {
    return prepaidUnits;
  }

  public void setPrepaidUnits(PrepaidUnits prepaidUnits) {
    this.prepaidUnits = prepaidUnits;
  }

  public Integer getConsumedUnits() {
    return consumedUnits;
  }

  public void setConsumedUnits(Integer consumedUnits) {
    this.consumedUnits = consumedUnits;
  }

  public List<ServicePlan> getServicePlans() {
    return servicePlans;
  }

  public void setServicePlans(List<ServicePlan> servicePlans) {
    this.servicePlans = servicePlans;
  }
}
