package io.tenantsync.server.users;

import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.annotations.Attribute;
import com.unboundid.scim2.common.annotations.Schema;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import java.util.Date;

/**
 * The {@code DeletedUsers} wire resource: an account deleted for real (R20), restorable for 30
 * days. Its id is the user's id.
 *
 * <pre>POST /DeletedUsers {"user":"&lt;user id&gt;"}  →  201 {"id":…,"userName":…,"deletedAt":…}
 * POST /DeletedUsers/{id}/restore            →  200 the User, back in /Users</pre>
 */
@Schema(
    id = DeletedUserResource.SCHEMA,
    name = "DeletedUser",
    description = "A user deleted for real, restorable for 30 days")
public class DeletedUserResource extends BaseScimResource {
  public static final String SCHEMA = "urn:tenantsync:scim:schemas:core:2.0:DeletedUser";

  @Attribute(
      description = "The id of the user to delete",
      mutability = Mutability.WRITE_ONLY,
      returned = Returned.NEVER)
  private String user;

  @Attribute(
      description = "The user name at deletion (a custom-domain name is first reverted, R6)",
      mutability = Mutability.READ_ONLY)
  private String userName;

  @Attribute(description = "The user name before deletion", mutability = Mutability.READ_ONLY)
  private String formerUserName;

  @Attribute(description = "When it was deleted", mutability = Mutability.READ_ONLY)
  private Date deletedAt;

  @Attribute(description = "Until when it can be restored", mutability = Mutability.READ_ONLY)
  private Date restorableUntil;

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getUserName() {
    return userName;
  }

  public void setUserName(String userName) {
    this.userName = userName;
  }

  public String getFormerUserName() {
    return formerUserName;
  }

  public void setFormerUserName(String formerUserName) {
    this.formerUserName = formerUserName;
  }

  public Date getDeletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(Date deletedAt) {
    this.deletedAt = deletedAt;
  }

  public Date getRestorableUntil() {
    return restorableUntil;
  }

  public void setRestorableUntil(Date restorableUntil) {
    this.restorableUntil = restorableUntil;
  }
}
