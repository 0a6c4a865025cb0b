package io.tenantsync.server.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One tenant whose reconciliation throws — even an {@link Error} — fails only its own run: the
 * worker logs it, records it on the run, and goes on with the other tenants.
 */
class ReconcileIsolationIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  @Test
  void anErrorInOneTenantsRunFailsThatRunAndTheWorkerGoesOn() throws Exception {
    Http op = server.operator();
    Tenant broken = server.fixtures().tenant();
    Tenant healthy = server.fixtures().tenant();
    ReconcileWorker serverWorker = server.server().reconcileWorker();
    serverWorker.close(); // this test's worker must be the only one taking runs
    ReconcileWorker worker =
        new ReconcileWorker(
            server.server().database(),
            (id, tenantId, mode) -> {
              if (tenantId.equals(broken.id())) {
                throw new StackOverflowError();
              }
              return new Reconciler.Outcome(mode, RunCounts.ZERO);
            },
            Duration.ZERO,
            Duration.ofMillis(50));
    try {
      String first = request(op, broken);
      String second = request(op, healthy);
      String third = request(op, broken);
      worker.start();
      JsonNode failed = Runs.awaitEnd(op, broken.id(), first);
      assertEquals("failed", failed.path("status").asText(), failed.toString());
      assertEquals("internal error: StackOverflowError", failed.path("error").asText());
      assertEquals("completed", Runs.awaitEnd(op, healthy.id(), second).path("status").asText());
      assertEquals(
          "failed",
          Runs.awaitEnd(op, broken.id(), third).path("status").asText(),
          "the worker survived the first Error and took the next run");
    } finally {
      worker.close();
      serverWorker.start();
    }
  }

  private static String request(Http op, Tenant tenant) {
    return op.post("tenants/" + tenant.id() + "/Reconciliations", "{\"mode\":\"delta\"}")
        .expect(201)
        .id();
  }
}
