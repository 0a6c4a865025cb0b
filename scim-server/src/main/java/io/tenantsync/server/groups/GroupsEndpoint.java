package io.tenantsync.server.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.ScimMedia;
import io.tenantsync.server.protocol.ScimResponses;
import io.tenantsync.server.protocol.Shown;
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

/** {@code /scim/v2/tenants/{tenantId}/Groups}: HTTP only; the rules are in {@link GroupService}. */
@Path("scim/v2/tenants/{tenantId}/Groups")
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class GroupsEndpoint {
  private final GroupService service;

  public GroupsEndpoint(GroupService service) {
    this.service = service;
  }

  @POST
  public Response create(
      @PathParam("tenantId") String tenantId,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      ObjectNode body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.created(
        service.create(
            Caller.of(security),
            tenantId,
            body,
            Projection.of(attributes, excludedAttributes),
            Locations.of(uri)));
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
    ListPage<GenericScimResource> result =
        service.list(Caller.of(security), tenantId, request, Locations.of(uri));
    return ScimResponses.list(result, request);
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
    Shown group =
        service.get(
            Caller.of(security),
            tenantId,
            id,
            Projection.of(attributes, excludedAttributes),
            Locations.of(uri));
    ETags.checkIfNoneMatch(ifNoneMatch, group.version());
    return ScimResponses.ok(group);
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam("If-Match") String ifMatch,
      ObjectNode body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return ScimResponses.ok(
        service.replace(
            Caller.of(security),
            tenantId,
            id,
            body,
            ifMatch,
            Projection.of(attributes, excludedAttributes),
            Locations.of(uri)));
  }

  /**
   * 200 with the group; 204 with its new {@code ETag} when its members are more than a response
   * carries (RFC 7644 §3.5.2 allows either).
   */
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
    GroupService.Patched patched =
        service.patch(
            Caller.of(security),
            tenantId,
            id,
            body,
            ifMatch,
            Projection.of(attributes, excludedAttributes),
            Locations.of(uri));
    if (patched.membersOmitted()) {
      return Response.noContent()
          .header("ETag", patched.shown().etag())
          .header("Location", patched.shown().location())
          .build();
    }
    return ScimResponses.ok(patched.shown());
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
