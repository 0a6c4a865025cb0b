package io.tenantsync.server.protocol;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Where resources live, as absolute URIs for {@code meta.location} and {@code Location}. Built from
 * the request's base URI so that it is right behind any host name the client used.
 *
 * @param scimRoot the installation's SCIM root, e.g. {@code http://host:8080/scim/v2/}
 */
public record Locations(URI scimRoot) {

  public static Locations of(UriInfo uriInfo) {
    return atServer(uriInfo.getBaseUri());
  }

  /**
   * For the application rooted at {@code serverRoot}, ending in {@code /} (e.g. {@code
   * http://host:8080/}, as the client named it).
   */
  public static Locations atServer(URI serverRoot) {
    return new Locations(serverRoot.resolve("scim/v2/"));
  }

  /** {@code /scim/v2/{endpoint}/{id}} for installation-level resources. */
  public URI resource(String endpoint, String id) {
    return scimRoot.resolve(endpoint + "/" + id);
  }

  /** {@code /scim/v2/tenants/{tenantId}/} — the SCIM service root of one tenant. */
  public URI tenantRoot(String tenantId) {
    return scimRoot.resolve("tenants/" + tenantId + "/");
  }

  /**
   * {@code /scim/v2/tenants/{tenantId}/{endpoint}/{id}} for tenant-level resources. Built as one
   * string: resolving these relative paths against the root only appends them (neither the
   * server-issued ids nor the endpoint names hold {@code /}, {@code .}-segments, {@code ?} or
   * {@code #}), and a read renders several of these.
   */
  public URI tenantResource(String tenantId, String endpoint, String id) {
    return URI.create(scimRoot + "tenants/" + tenantId + "/" + endpoint + "/" + id);
  }
}
