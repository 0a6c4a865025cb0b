package io.tenantsync.server.relationships;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import java.util.Date;

/**
 * The {@code DelegatedAdminRelationships} wire resource (R29, R30). A tenant creates one by
 * accepting an offer: {@code {"offerCode":"…"}}, optionally with {@code expiresAt}.
 */
@Schema(
    id = RelationshipResource.SCHEMA,
    name = "DelegatedAdminRelationship",
    description = "A reseller's delegated administration of a tenant")
public class RelationshipResource extends BaseScimResource {
  public static final String SCHEMA =
      "urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminRelationship";

  @Attribute(
      description = "The accepted offer's code",
      mutability = Mutability.WRITE_ONLY,
      returned = Returned.NEVER)
  private String offerCode;

  @Attribute(description = "The reseller's id", mutability = Mutability.READ_ONLY)
  private String reseller;

  @Attribute(description = "The tenant's id", mutability = Mutability.READ_ONLY)
  private String tenant;

  @Attribute(
      description = "FullAdministration or LimitedAdministration",
      mutability = Mutability.READ_ONLY)
  private String role;

  @Attribute(description = "active, expired or terminated", mutability = Mutability.READ_ONLY)
  private String status;

  @Attribute(description = "When access ends by itself, if ever", mutability = Mutability.IMMUTABLE)
  private Date expiresAt;

  public String getOfferCode() {
    return offerCode;
  }

  public void setOfferCode(String offerCode) {
    this.offerCode = offerCode;
  }

  public String getReseller() {
    return reseller;
  }

  public void setReseller(String reseller) {
    this.reseller = reseller;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Date getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Date expiresAt) {
    this.expiresAt = expiresAt;
  }
}
