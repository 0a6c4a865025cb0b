package io.tenantsync.server.users;

import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;

/**
 * The schema of {@code urn:tenantsync:scim:schemas:extension:reseller:2.0:User} (API.md, "The User
 * resource"). Used to publish the schema and check requests; the values live in {@link UserEntity}.
 */
@Schema(
    id = ResellerUserExtension.SCHEMA,
    name = "ResellerUser",
    description = "What a reseller needs to know about a tenant user")
public class ResellerUserExtension {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  @Attribute(
      description =
          "false for accounts found in the tenant that this server did not create; only adoption"
              + " (replace with true) may change it")
  private Boolean managed;

  @Attribute(description = "scim, tenant or directorySync", mutability = Mutability.READ_ONLY)
  private String source;

  @Attribute(
      description = "The tenant directory's immutable object id",
      mutability = Mutability.READ_ONLY)
  private String tenantObjectId;

  @Attribute(
      description = "local@<initial domain>, reserved for this user (R16)",
      mutability = Mutability.READ_ONLY)
  private String initialUserName;

  @Attribute(description = "ISO 3166 alpha-2 country; required for licenses")
  private String usageLocation;

  @Attribute(description = "Alternate email; required for admin roles (R14)")
  private String alternateEmail;

  @Attribute(description = "Office (Graph's officeLocation); the CSV import's Office Number")
  private String officeLocation;

  @Attribute(description = "pending, synced or failed", mutability = Mutability.READ_ONLY)
  private String syncState;

  @Attribute(description = "Why the last sync failed", mutability = Mutability.READ_ONLY)
  private String syncError;

  public Boolean getManaged() {
    return managed;
  }

  public String getSource() {
    return source;
  }

  public String getTenantObjectId() {
    return tenantObjectId;
  }

  public String getInitialUserName() {
    return initialUserName;
  }

  public String getUsageLocation() {
    return usageLocation;
  }

  public String getAlternateEmail() {
    return alternateEmail;
  }

  public String getOfficeLocation() {
    return officeLocation;
  }

  public String getSyncState() {
    return syncState;
  }

  public String getSyncError() {
    return syncError;
  }
}
