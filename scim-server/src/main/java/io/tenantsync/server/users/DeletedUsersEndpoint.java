package io.tenantsync.server.users;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.ResourceTypes;
import io.tenantsync.server.protocol.ScimResponses;
import io.tenantsync.server.protocol.TenantResourceEndpoint;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /scim/v2/tenants/{tenantId}/DeletedUsers}: delete for real (POST), list, read, and {@code
 * POST …/{id}/restore}; the rules are in {@link DeletedUserService}.
 */
@Path("scim/v2/tenants/{tenantId}/DeletedUsers")
public final class DeletedUsersEndpoint extends TenantResourceEndpoint<DeletedUserResource> {
  public static final ResourceTypeDefinition TYPE =
      ResourceTypes.define("DeletedUser", "/DeletedUsers", DeletedUserResource.class);

  private final DeletedUserService service;

  public DeletedUsersEndpoint(DeletedUserService service) {
    super(service, TYPE, DeletedUserResource.class);
    this.service = service;
  }

  @POST
  @Path("{id}/restore")
  public Response restore(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.ok(service.restore(Caller.of(security), tenantId, id, Locations.of(uri)));
  }
}
