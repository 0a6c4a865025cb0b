package io.tenantsync.server.discovery;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Page;
import io.tenantsync.server.protocol.ScimMedia;
import io.tenantsync.server.protocol.ScimResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * {@code /scim/v2/ServiceProviderConfig}, {@code /ResourceTypes}, {@code /Schemas} of the
 * installation (RFC 7644 §4). Any authenticated principal may read them.
 */
@Path("scim/v2")
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class DiscoveryEndpoint {
  private final Discovery discovery;

  public DiscoveryEndpoint(Discovery discovery) {
    this.discovery = discovery;
  }

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig(@Context UriInfo uri) {
    return Response.ok(discovery.serviceProviderConfig(root(uri)))
        .type(ScimMedia.SCIM_JSON)
        .build();
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes(@Context UriInfo uri) {
    List<?> types = discovery.resourceTypes(root(uri));
    return ScimResponses.list(types, types.size(), new Page(1, types.size()));
  }

  @GET
  @Path("ResourceTypes/{id}")
  public Response resourceType(@PathParam("id") String id, @Context UriInfo uri)
      throws ScimException {
    return Response.ok(discovery.resourceType(id, root(uri))).type(ScimMedia.SCIM_JSON).build();
  }

  @GET
  @Path("Schemas")
  public Response schemas(@Context UriInfo uri) {
    List<?> schemas = discovery.schemas(root(uri));
    return ScimResponses.list(schemas, schemas.size(), new Page(1, schemas.size()));
  }

  @GET
  @Path("Schemas/{id}")
  public Response schema(@PathParam("id") String id, @Context UriInfo uri) throws ScimException {
    return Response.ok(discovery.schema(id, root(uri))).type(ScimMedia.SCIM_JSON).build();
  }

  private static URI root(UriInfo uri) {
    return Locations.of(uri).scimRoot();
  }
}
