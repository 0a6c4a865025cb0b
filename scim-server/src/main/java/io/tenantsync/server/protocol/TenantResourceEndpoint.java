package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The HTTP face of a simple tenant-level resource type, as {@link ResourceEndpoint} is for
 * installation-level ones; subclasses name the path, e.g. {@code
 * scim/v2/tenants/{tenantId}/Products}.
 */
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public abstract class TenantResourceEndpoint<R extends ScimResource> {
  private final TenantResourceService<R> service;

  protected TenantResourceEndpoint(TenantResourceService<R> service) {
    this.service = service;
  }

  @POST
  public Response create(
      @PathParam("tenantId") String tenantId,
      R body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.created(
        service.create(Caller.of(security), tenantId, body, Locations.of(uri)));
  }

  @GET
  public Response list(
      @PathParam("tenantId") String tenantId,
      @QueryParam("startIndex") Integer startIndex,
      @QueryParam("count") Integer count,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Page page = Page.of(startIndex, count);
    ListPage<R> result = service.list(Caller.of(security), tenantId, page, Locations.of(uri));
    return ScimResponses.list(result.resources(), result.totalResults(), page);
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    R resource = service.get(Caller.of(security), tenantId, id, Locations.of(uri));
    ETags.checkIfNoneMatch(ifNoneMatch, ETags.versionOf(resource));
    return ScimResponses.ok(resource);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      R body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.ok(
        service.replace(Caller.of(security), tenantId, id, body, ifMatch, Locations.of(uri)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Context SecurityContext security)
      throws ScimException {
    service.delete(Caller.of(security), tenantId, id, ifMatch);
    return ScimResponses.noContent();
  }
}
