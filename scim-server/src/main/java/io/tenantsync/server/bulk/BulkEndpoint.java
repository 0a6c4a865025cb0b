package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.ScimMedia;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /scim/v2/tenants/{tenantId}/Bulk} (RFC 7644 §3.7): HTTP only; {@link BulkService}
 * runs the operations. 200 with a {@code BulkResponse} whenever the request itself is acceptable,
 * each operation carrying its own status.
 */
@Path("scim/v2/tenants/{tenantId}/Bulk")
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class BulkEndpoint {
  private final BulkService service;

  public BulkEndpoint(BulkService service) {
    this.service = service;
  }

  @POST
  public Response bulk(
      @PathParam("tenantId") String tenantId,
      @Nullable ObjectNode body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    ObjectNode response = service.run(Caller.of(security), tenantId, body, Locations.of(uri));
    return Response.ok(response).type(ScimMedia.SCIM_JSON_TYPE).build();
  }
}
