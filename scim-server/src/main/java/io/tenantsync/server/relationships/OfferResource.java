package io.tenantsync.server.relationships;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;

/**
 * The {@code DelegatedAdminOffers} wire resource (R28).
 *
 * <pre>{"schemas":["urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminOffer"],
 *  "role":"FullAdministration"}  →  {"id":…, "offerCode":"…", "reseller":"…", …}</pre>
 */
@Schema(id = OfferResource.SCHEMA, name = "DelegatedAdminOffer", description = "A reusable offer")
public class OfferResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminOffer";

  @Attribute(
      description = "FullAdministration or LimitedAdministration",
      isRequired = true,
      mutability = Mutability.IMMUTABLE)
  private String role;

  @Attribute(description = "The code a tenant accepts", mutability = Mutability.READ_ONLY)
  private String offerCode;

  @Attribute(description = "The offering reseller's id", mutability = Mutability.READ_ONLY)
  private String reseller;

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

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
}
