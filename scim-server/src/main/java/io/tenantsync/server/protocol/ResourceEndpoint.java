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
 * The HTTP face of an installation-level resource type: POST, GET (one and list), PUT, DELETE,
 * speaking only HTTP (status, {@code Location}, {@code ETag}, {@code If-Match}) and calling one
 * {@link ResourceService} method each. Subclasses only name the path:
 *
 * <pre>{@code @Path("scim/v2/Resellers")
 * public final class ResellersEndpoint extends ResourceEndpoint<ResellerResource> { … }}</pre>
 */
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public abstract class ResourceEndpoint<R extends ScimResource> {
  private final ResourceService<R> service;

  protected ResourceEndpoint(ResourceService<R> service) {
    this.service = service;
  }

  @POST
  public Response create(R body, @Context SecurityContext security, @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.created(service.create(Caller.of(security), body, Locations.of(uri)));
  }

  @GET
  public Response list(
      @QueryParam("startIndex") Integer startIndex,
      @QueryParam("count") Integer count,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Page page = Page.of(startIndex, count);
    ListPage<R> result = service.list(Caller.of(security), page, Locations.of(uri));
    return ScimResponses.list(result.resources(), result.totalResults(), page);
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    R resource = service.get(Caller.of(security), id, Locations.of(uri));
    ETags.checkIfNoneMatch(ifNoneMatch, ETags.versionOf(resource));
    return ScimResponses.ok(resource);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      R body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.ok(
        service.replace(Caller.of(security), id, body, ifMatch, Locations.of(uri)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Context SecurityContext security)
      throws ScimException {
    service.delete(Caller.of(security), id, ifMatch);
    return ScimResponses.noContent();
  }
}
