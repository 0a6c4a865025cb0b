package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.Shown;
import io.tenantsync.server.users.UserService;
import org.jspecify.annotations.Nullable;

/** {@code /Users} in a Bulk request: each operation is one {@link UserService} call. */
public final class UserBulkTarget implements BulkTarget {
  private final UserService users;

  public UserBulkTarget(UserService users) {
    this.users = users;
  }

  @Override
  public String endpoint() {
    return "Users";
  }

  @Override
  public Shown create(Caller caller, String tenantId, ObjectNode data, Locations locations)
      throws ScimException {
    return users.create(caller, tenantId, data, Projection.none(), locations);
  }

  @Override
  public Shown replace(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode data,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    return users.replace(caller, tenantId, id, data, ifMatch, Projection.none(), locations);
  }

  @Override
  public Shown patch(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode data,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    return users.patch(caller, tenantId, id, data, ifMatch, Projection.none(), locations);
  }

  @Override
  public void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    users.delete(caller, tenantId, id, ifMatch);
  }
}
