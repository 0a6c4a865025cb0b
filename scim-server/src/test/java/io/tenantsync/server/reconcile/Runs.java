package io.tenantsync.server.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Http;

/** Starts reconciliations over the API and waits for them, for the tests of this package. */
final class Runs {
  private Runs() {}

  /** POSTs a run of {@code mode} and returns it once it has ended (completed or failed). */
  static JsonNode reconcile(Http http, String tenantId, String mode) throws InterruptedException {
    String id =
        http.post("tenants/" + tenantId + "/Reconciliations", "{\"mode\":\"" + mode + "\"}")
            .expect(201)
            .id();
    return awaitEnd(http, tenantId, id);
  }

  /** Polls a run until it has ended; fails after 60 s. */
  static JsonNode awaitEnd(Http http, String tenantId, String id) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode run = null;
    while (System.currentTimeMillis() < deadline) {
      run = http.get("tenants/" + tenantId + "/Reconciliations/" + id).expect(200).json();
      if (run.path("status").asText().matches("completed|failed")) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("reconciliation did not end in time: " + run);
  }
}
