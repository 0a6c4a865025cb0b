package io.tenantsync.server.health;

import io.tenantsync.server.persistence.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /healthz}: the process serves. {@code GET /readyz}: this process takes new work — the
 * database answers, its schema is migrated (the server accepts no request before its migrations
 * ran), and it is not draining after SIGTERM. No token needed.
 *
 * <pre>
 * 200 {"status":"ready","database":"reachable","schema":{"version":"10","migrationsAppliedAtStart":0}}
 * 503 {"status":"draining","database":"reachable","schema":{…}}
 * 503 {"status":"unavailable","database":"unreachable","schema":{…}}
 * </pre>
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthEndpoint {
  private final Database database;
  private final Readiness readiness;

  public HealthEndpoint(Database database, Readiness readiness) {
    this.database = database;
    this.readiness = readiness;
  }

  @GET
  @Path("healthz")
  public Map<String, String> live() {
    return Map.of("status", "ok");
  }

  @GET
  @Path("readyz")
  public Response ready() {
    boolean reachable = database.isReachable();
    String status = readiness.isDraining() ? "draining" : reachable ? "ready" : "unavailable";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("database", reachable ? "reachable" : "unreachable");
    body.put(
        "schema",
        Map.of(
            "version", database.schema().version(),
            "migrationsAppliedAtStart", database.schema().appliedAtStart()));
    return Response.status(status.equals("ready") ? 200 : 503).entity(body).build();
  }
}
