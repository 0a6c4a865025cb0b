package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.groups.GroupService;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.Shown;
import org.jspecify.annotations.Nullable;

/**
 * {@code /Groups} in a Bulk request: each operation is one {@link GroupService} call. Members are
 * left out of the results ({@code excludedAttributes=members}), so a big group is never read.
 */
public final class GroupBulkTarget implements BulkTarget {
  private static final Projection WITHOUT_MEMBERS = withoutMembers();

  private final GroupService groups;

  public GroupBulkTarget(GroupService groups) {
    this.groups = groups;
  }

  @Override
  public String endpoint() {
    return "Groups";
  }

  @Override
  public Shown create(Caller caller, String tenantId, ObjectNode data, Locations locations)
      throws ScimException {
    return groups.create(caller, tenantId, data, WITHOUT_MEMBERS, locations);
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
    return groups.replace(caller, tenantId, id, data, ifMatch, WITHOUT_MEMBERS, locations);
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
    return groups.patch(caller, tenantId, id, data, ifMatch, WITHOUT_MEMBERS, locations).shown();
  }

  @Override
  public void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    groups.delete(caller, tenantId, id, ifMatch);
  }

  private static Projection withoutMembers() {
    try {
      return Projection.of(null, "members");
    } catch (BadRequestException e) {
      throw new IllegalStateException("members is an attribute name", e);
    }
  }
}
