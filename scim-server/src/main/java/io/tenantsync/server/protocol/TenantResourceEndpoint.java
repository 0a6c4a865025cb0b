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
 * The HTTP face of a simple tenant-level resource type, with the protocol of {@link
 * ResourceEndpoint} inside one tenant; subclasses name the path, e.g. {@code
 * scim/v2/tenants/{tenantId}/Products}, and the type.
 */
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public abstract class TenantResourceEndpoint<R extends ScimResource> {
  private final TenantResourceService<R> service;
  private final ResourceTypeDefinition type;
  private final Class<R> resourceClass;

  protected TenantResourceEndpoint(
      TenantResourceService<R> service, ResourceTypeDefinition type, Class<R> resourceClass) {
    this.service = service;
    this.type = type;
    this.resourceClass = resourceClass;
  }

  @POST
  public Response create(
      @PathParam("tenantId") String tenantId,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      R body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    R created = service.create(Caller.of(security), tenantId, body, Locations.of(uri));
    return ScimResponses.created(Shown.of(created, type, projection));
  }

  @GET
  public Response list(
      @PathParam("tenantId") String tenantId,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return search(tenantId, ListRequest.fromQuery(uri.getQueryParameters()), security, uri);
  }

  @POST
  @Path(".search")
  public Response search(
      @PathParam("tenantId") String tenantId,
      ObjectNode body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return search(tenantId, ListRequest.fromSearchBody(body), security, uri);
  }

  private Response search(
      String tenantId, ListRequest request, SecurityContext security, UriInfo uri)
      throws ScimException {
    ListPage<R> result = service.list(Caller.of(security), tenantId, request, Locations.of(uri));
    return ScimResponses.list(result, request, type);
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    R resource = service.get(Caller.of(security), tenantId, id, Locations.of(uri));
    Shown shown = Shown.of(resource, type, projection);
    ETags.checkIfNoneMatch(ifNoneMatch, shown.version());
    return ScimResponses.ok(shown);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam("If-Match") String ifMatch,
      R body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    Projection projection = Projection.of(attributes, excludedAttributes);
    R result =
        service.update(
            Caller.of(security),
            tenantId,
            id,
            ResourceEdit.replacement(body),
            ifMatch,
            Locations.of(uri));
    return ScimResponses.ok(Shown.of(result, type, projection));
  }

  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("tenantId") String tenantId,
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
    R result = service.update(Caller.of(security), tenantId, id, edit, ifMatch, Locations.of(uri));
    return ScimResponses.ok(Shown.of(result, type, projection));
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
