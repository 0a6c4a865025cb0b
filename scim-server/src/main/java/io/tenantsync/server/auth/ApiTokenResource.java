package io.tenantsync.server.auth;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;

/**
 * The {@code ApiTokens} wire resource. {@code token} is present only in the response to the POST
 * that created it; only its hash is stored.
 *
 * <pre>{"schemas":["urn:tenantsync:scim:schemas:core:2.0:ApiToken"],
 *  "subject":{"type":"reseller","value":"…"},"displayName":"portal sync"}</pre>
 */
@Schema(id = ApiTokenResource.SCHEMA, name = "ApiToken", description = "A bearer token")
public class ApiTokenResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:ApiToken";

  @Attribute(
      description = "Whose token it is",
      isRequired = true,
      mutability = Mutability.IMMUTABLE)
  private Subject subject;

  @Attribute(description = "What the token is for", isRequired = true)
  private String displayName;

  @Attribute(
      description = "The secret; returned once, in the response that created it",
      mutability = Mutability.READ_ONLY)
  private String token;

  @Attribute(
      description = "The first characters of the secret, to tell tokens apart",
      mutability = Mutability.READ_ONLY)
  private String tokenPrefix;

  /** {@code {"type":"reseller"|"tenant","value":"<id>"}}. */
  public static class Subject {
    @Attribute(description = "reseller or tenant", isRequired = true)
    private String type;

    @Attribute(description = "The reseller's or tenant's id", isRequired = true)
    private String value;

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  public Subject getSubject() {
    return subject;
  }

  public void setSubject(Subject subject) {
    this.subject = subject;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getTokenPrefix() {
    return tokenPrefix;
  }

  public void setTokenPrefix(String tokenPrefix) {
    this.tokenPrefix = tokenPrefix;
  }
}
