package io.tenantsync.server.health;

import io.tenantsync.server.persistence.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code GET /healthz}: the process serves. {@code GET /readyz}: the database answers (migrations
 * are applied before the server accepts its first request, so a served request implies them). No
 * token needed.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthEndpoint {
  private final Database database;

  public HealthEndpoint(Database database) {
    this.database = database;
  }

  @GET
  @Path("healthz")
  public Map<String, String> live() {
    return Map.of("status", "ok");
  }

  @GET
  @Path("readyz")
  public Response ready() {
    if (database.isReachable()) {
      return Response.ok(Map.of("status", "ready", "database", "reachable")).build();
    }
    return Response.status(503)
        .entity(Map.of("status", "unavailable", "database", "unreachable"))
        .build();
  }
}
