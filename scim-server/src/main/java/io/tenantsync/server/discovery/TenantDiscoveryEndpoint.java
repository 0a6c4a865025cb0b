package io.tenantsync.server.discovery;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.persistence.Database;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * Discovery of one tenant's SCIM service provider (RFC 7644 §4) at {@code
 * /scim/v2/tenants/{tenantId}/ServiceProviderConfig}, {@code /ResourceTypes}, {@code /Schemas}. A
 * tenant out of the caller's reach is 404 here as everywhere.
 */
@Path("scim/v2/tenants/{tenantId}")
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class TenantDiscoveryEndpoint {
  private final Discovery discovery;
  private final Database database;

  public TenantDiscoveryEndpoint(Discovery discovery, Database database) {
    this.discovery = discovery;
    this.database = database;
  }

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig(
      @PathParam("tenantId") String tenantId,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    URI root = root(tenantId, security, uri);
    return Response.ok(discovery.serviceProviderConfig(root)).type(ScimMedia.SCIM_JSON).build();
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes(
      @PathParam("tenantId") String tenantId,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    List<?> types = discovery.resourceTypes(root(tenantId, security, uri));
    return ScimResponses.list(types, types.size(), new Page(1, types.size()));
  }

  @GET
  @Path("ResourceTypes/{id}")
  public Response resourceType(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return Response.ok(discovery.resourceType(id, root(tenantId, security, uri)))
        .type(ScimMedia.SCIM_JSON)
        .build();
  }

  @GET
  @Path("Schemas")
  public Response schemas(
      @PathParam("tenantId") String tenantId,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    List<?> schemas = discovery.schemas(root(tenantId, security, uri));
    return ScimResponses.list(schemas, schemas.size(), new Page(1, schemas.size()));
  }

  @GET
  @Path("Schemas/{id}")
  public Response schema(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    return Response.ok(discovery.schema(id, root(tenantId, security, uri)))
        .type(ScimMedia.SCIM_JSON)
        .build();
  }

  /** The tenant's SCIM root, after checking the caller reaches the tenant. */
  private URI root(String tenantId, SecurityContext security, UriInfo uri) throws ScimException {
    Caller caller = Caller.of(security);
    database.inTransaction(session -> TenantAccess.resolve(session, caller, tenantId));
    return Locations.of(uri).tenantRoot(tenantId);
  }
}
