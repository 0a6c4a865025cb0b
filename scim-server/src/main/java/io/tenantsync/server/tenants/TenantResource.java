package io.tenantsync.server.tenants;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import java.util.List;

/**
 * The {@code Tenants} wire resource.
 *
 * <pre>{
 *   "schemas": ["urn:tenantsync:scim:schemas:core:2.0:Tenant"],
 *   "displayName": "Fabrikam",
 *   "initialDomain": "fabrikam.onmicrosoft.com",
 *   "domains": [{"value": "fabrikam.com", "verified": false}],
 *   "directory": {"type": "sandbox"},
 *   "deactivationMode": "unassign", "driftMode": "report", "autoClaimEnabled": false
 * }</pre>
 */
@Schema(id = TenantResource.SCHEMA, name = "Tenant", description = "A customer organisation")
public class TenantResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:Tenant";

  @Attribute(description = "The tenant's name", isRequired = true)
  private String displayName;

  @Attribute(
      description = "The tenant's *.onmicrosoft.com domain, fixed at creation",
      isRequired = true,
      mutability = Mutability.IMMUTABLE,
      uniqueness = Uniqueness.SERVER)
  private String initialDomain;

  @Attribute(
      description = "Custom domains (R13); added unverified, verified by the operator",
      multiValueClass = Domain.class)
  private List<Domain> domains;

  @Attribute(description = "How the connector reaches the tenant's directory")
  private Directory directory;

  @Attribute(description = "unassign (default) or blockOnly: what active=false does")
  private String deactivationMode;

  @Attribute(description = "report (default) or repair: what reconciliation does with drift")
  private String driftMode;

  @Attribute(description = "Whether license auto-claim policies apply (R22; off by default)")
  private Boolean autoClaimEnabled;

  @Attribute(
      description = "The reseller that created the tenant, if any",
      mutability = Mutability.READ_ONLY)
  private String createdByReseller;

  /** One custom domain. */
  public static class Domain {
    @Attribute(description = "The domain name", isRequired = true)
    private String value;

    @Attribute(description = "Whether the domain is verified; only the operator sets it")
    private Boolean verified;

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    @Attribute(
        description =
            "While unverified: the value of the DNS TXT record at the domain that proves"
                + " ownership; shown to those who manage the tenant's domains",
        mutability = Mutability.READ_ONLY)
    private String verificationCode;

    public Boolean getVerified() {
      return verified;
    }

    public String getVerificationCode() {
      return verificationCode;
    }

    public void setVerificationCode(String verificationCode) {
      this.verificationCode = verificationCode;
    }

    public void setVerified(Boolean verified) {
      this.verified = verified;
    }
  }

  /** {@code {"type":"sandbox"}} or {@code {"type":"graph","baseUrl",…}}. */
  public static class Directory {
    @Attribute(description = "sandbox or graph", isRequired = true)
    private String type;

    @Attribute(description = "Graph base URL, e.g. https://graph.microsoft.com/v1.0")
    private String baseUrl;

    @Attribute(description = "OAuth2 token URL for client credentials")
    private String tokenUrl;

    @Attribute(description = "OAuth2 client id")
    private String clientId;

    @Attribute(
        description = "OAuth2 client secret; stored encrypted, never returned",
        mutability = Mutability.WRITE_ONLY,
        returned = Returned.NEVER)
    private String clientSecret;

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getTokenUrl() {
      return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getInitialDomain() {
    return initialDomain;
  }

  public void setInitialDomain(String initialDomain) {
    this.initialDomain = initialDomain;
  }

  public List<Domain> getDomains() {
    return domains;
  }

  public void setDomains(List<Domain> domains) {
    this.domains = domains;
  }

  public Directory getDirectory() {
    return directory;
  }

  public void setDirectory(Directory directory) {
    this.directory = directory;
  }

  public String getDeactivationMode() {
    return deactivationMode;
  }

  public void setDeactivationMode(String deactivationMode) {
    this.deactivationMode = deactivationMode;
  }

  public String getDriftMode() {
    return driftMode;
  }

  public void setDriftMode(String driftMode) {
    this.driftMode = driftMode;
  }

  public Boolean getAutoClaimEnabled() {
    return autoClaimEnabled;
  }

  public void setAutoClaimEnabled(Boolean autoClaimEnabled) {
    this.autoClaimEnabled = autoClaimEnabled;
  }

  public String getCreatedByReseller() {
    return createdByReseller;
  }

  public void setCreatedByReseller(String createdByReseller) {
    this.createdByReseller = createdByReseller;
  }
}
