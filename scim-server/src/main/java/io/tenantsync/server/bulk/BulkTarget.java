package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Shown;
import org.jspecify.annotations.Nullable;

/**
 * A resource type Bulk can write to, e.g. {@code /Users}. Each method is what the same request sent
 * on its own would do: one service call, one transaction, the same rights and rules. Bulk shows no
 * resource bodies, so implementations may ask their service for the cheapest projection; the
 * returned {@link Shown} must carry the resource's {@code id}, version and location.
 */
public interface BulkTarget {

  /** The endpoint name as it appears in an operation's path, e.g. {@code Users}. */
  String endpoint();

  Shown create(Caller caller, String tenantId, ObjectNode data, Locations locations)
      throws ScimException;

  Shown replace(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode data,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException;

  /** {@code data} is a {@code PatchOp} body (RFC 7644 §3.5.2). */
  Shown patch(
      Caller caller,
      String tenantId,
      String id,
      ObjectNode data,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException;

  void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException;
}
