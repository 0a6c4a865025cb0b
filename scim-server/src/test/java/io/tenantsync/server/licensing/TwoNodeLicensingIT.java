package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.ServerProcess;
import io.tenantsync.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md rule 1 across nodes: two server processes on one MariaDB database, 100 concurrent
 * assignments at a product with 10 seats, spread over both. Exactly 10 succeed.
 */
class TwoNodeLicensingIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  @Test
  void twoProcessesNeverOversubscribeAProduct() throws Exception {
    assumeTrue(server.database.isMariaDb(), "needs a database shared by processes");
    Tenant tenant = server.fixtures().tenant();
    Http op = server.operator();
    String product =
        op.post(
                "tenants/" + tenant.id() + "/Products",
                "{\"skuPartNumber\":\"SEATS10\",\"prepaidUnits\":{\"enabled\":10}}")
            .expect(201)
            .id();
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      users.add(
          op.post(
                  tenant.users(),
                  "{\"userName\":\"n"
                      + i
                      + "@"
                      + tenant.domain()
                      + "\",\"urn:tenantsync:scim:schemas:extension:reseller:2.0:User\":{\"usageLocation\":\"DE\"}}")
              .expect(201)
              .id());
    }

    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (ServerProcess first = ServerProcess.start("node A", server.database);
        ServerProcess second = ServerProcess.start("node B", server.database)) {
      List<Http> nodes = List.of(first.operator(), second.operator());
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        Http node = nodes.get(i % 2);
        String path = tenant.users() + "/" + users.get(i);
        results.add(
            pool.submit(
                () ->
                    node.patch(
                            path,
                            "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"SEATS10\"}]}]}")
                        .status()));
      }
      int ok = 0;
      int refused = 0;
      for (Future<Integer> result : results) {
        int status = result.get(120, TimeUnit.SECONDS);
        if (status == 200) {
          ok++;
        } else if (status == 400) {
          refused++;
        }
      }
      assertEquals(10, ok);
      assertEquals(90, refused);
      assertEquals(
          10,
          op.get("tenants/" + tenant.id() + "/Products/" + product)
              .json()
              .path("consumedUnits")
              .asInt());
    } finally {
      pool.shutdownNow();
    }
  }
}
