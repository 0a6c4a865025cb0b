package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.auth.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
 * The HTTP face of an installation-level resource type, with the same protocol as the tenant's
 * Users and Groups: POST, GET (one, list with filter, sort, index or cursor paging), {@code
 * .search}, PUT, PATCH, DELETE; {@code attributes}/{@code excludedAttributes} on every response
 * that carries the resource; {@code ETag}, {@code If-Match}, {@code If-None-Match}. It speaks only
 * HTTP and calls one {@link ResourceService} method each. Subclasses only name the path and type:
 *
 * <pre>{@code @Path("scim/v2/Resellers")
 * public final class ResellersEndpoint extends ResourceEndpoint<ResellerResource> { … }}</pre>
 */
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public abstract class ResourceEndpoint<R extends ScimResource> {
  private final ResourceService<R> service;
  private final ResourceTypeDefinition type;
  private final Class<R> resourceClass;

  protected ResourceEndpoint(
      ResourceService<R> service, ResourceTypeDefinition type, Class<R> resourceClass) {
    this.service = service;
    this.type = type;
    this.resourceClass = resourceClass;
  }

  @POST
  public Response create(
      R body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    return ScimResponses.created(
        Shown.of(service.create(Caller.of(security), body, Locations.of(uri)), type, projection));
  }

  @GET
  public Response list(@Context SecurityContext security, @Context UriInfo uri)
      throws ScimException {
    return search(ListRequest.fromQuery(uri.getQueryParameters()), security, uri);
  }

  @POST
  @Path(".search")
  public Response search(ObjectNode body, @Context SecurityContext security, @Context UriInfo uri)
      throws ScimException {
    return search(ListRequest.fromSearchBody(body), security, uri);
  }

  private Response search(ListRequest request, SecurityContext security, UriInfo uri)
      throws ScimException {
    ListPage<R> result = service.list(Caller.of(security), request, Locations.of(uri));
    return ScimResponses.list(result, request, type);
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    R found = service.get(Caller.of(security), id, Locations.of(uri));
    Shown resource = Shown.of(found, type, projection);
    ETags.checkIfNoneMatch(ifNoneMatch, resource.version());
    return ScimResponses.ok(resource);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam("If-Match") String ifMatch,
      R body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    return update(id, ResourceEdit.replacement(body), ifMatch, projection, security, uri);
  }

  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam("If-Match") String ifMatch,
      ObjectNode body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    ResourceEdit<R> edit = ResourceEdit.patch(type, body, resourceClass);
    return update(id, edit, ifMatch, projection, security, uri);
  }

  private Response update(
      String id,
      ResourceEdit<R> edit,
      String ifMatch,
      Projection projection,
      SecurityContext security,
      UriInfo uri)
      throws ScimException {
    R result = service.update(Caller.of(security), id, edit, ifMatch, Locations.of(uri));
    return ScimResponses.ok(Shown.of(result, type, projection));
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
