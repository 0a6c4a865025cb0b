package io.tenantsync.server.resellers;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition;

/**
 * The {@code Resellers} wire resource.
 *
 * <pre>{"schemas":["urn:tenantsync:scim:schemas:core:2.0:Reseller"],"displayName":"Contoso CSP"}
 * </pre>
 */
@Schema(
    id = ResellerResource.SCHEMA,
    name = "Reseller",
    description = "A reseller that administers tenants by delegation")
public class ResellerResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:Reseller";

  @Attribute(
      description = "The reseller's name, unique case-insensitively",
      isRequired = true,
      mutability = AttributeDefinition.Mutability.READ_WRITE,
      uniqueness = AttributeDefinition.Uniqueness.SERVER)
  private String displayName;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }
}
