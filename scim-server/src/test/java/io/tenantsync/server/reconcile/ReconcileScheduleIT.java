package io.tenantsync.server.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.directory.TenantDirectories;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code TENANTSYNC_RECONCILE_INTERVAL}: a tenant is first seen, then reconciled once per interval,
 * and a second scheduler (another node) racing for the same slot enqueues nothing more.
 */
class ReconcileScheduleIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  @Test
  void eachIntervalEnqueuesExactlyOneRunPerTenantAcrossNodes() throws Exception {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    Duration interval = Duration.ofMillis(300);
    ReconcileWorker nodeA =
        new ReconcileWorker(
            server.server().database(), (TenantDirectories) null, interval, Duration.ofSeconds(1));
    ReconcileWorker nodeB =
        new ReconcileWorker(
            server.server().database(), (TenantDirectories) null, interval, Duration.ofSeconds(1));

    nodeA.schedule();
    nodeB.schedule();
    assertEquals(0, runs(op, tenant).path("totalResults").asInt(), "first sighting only");

    Thread.sleep(interval.toMillis() + 50);
    nodeA.schedule();
    nodeB.schedule();
    JsonNode runs = runs(op, tenant);
    assertEquals(1, runs.path("totalResults").asInt(), runs.toString());
    JsonNode run = runs.path("Resources").get(0);
    assertEquals("schedule", run.path("trigger").asText());

    assertEquals(
        "completed",
        Runs.awaitEnd(op, tenant.id(), run.path("id").asText()).path("status").asText(),
        "the server's own worker ran the scheduled run");
  }

  private static JsonNode runs(Http op, Tenant tenant) {
    return op.get("tenants/" + tenant.id() + "/Reconciliations").expect(200).json();
  }
}
