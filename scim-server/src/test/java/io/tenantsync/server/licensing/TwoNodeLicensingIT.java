package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md rule 1 across nodes: two server processes on one MariaDB database, 100 concurrent
 * assignments at a product with 10 seats, spread over both. Exactly 10 succeed.
 */
class TwoNodeLicensingIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  private static final Pattern READY = Pattern.compile("ready in \\d+ ms on port (\\d+)");

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

    Process first = startNode();
    Process second = startNode();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Http> nodes = List.of(node(first), node(second));
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
      first.destroy();
      second.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process startNode() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            System.getProperty("java.home") + "/bin/java",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.tenantsync.server.TenantSyncServer");
    builder.environment().put("TENANTSYNC_PORT", "0");
    builder.environment().put("TENANTSYNC_DB_URL", server.database.url);
    builder.environment().put("TENANTSYNC_DB_USER", server.database.user);
    builder.environment().put("TENANTSYNC_DB_PASSWORD", server.database.password);
    builder.environment().put("TENANTSYNC_OPERATOR_TOKEN", TestServer.OPERATOR_TOKEN);
    builder.environment().put("TENANTSYNC_RECONCILE_INTERVAL", "0");
    builder.redirectErrorStream(true);
    return builder.start();
  }

  private Http node(Process process) throws Exception {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.currentTimeMillis() + 60_000;
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.currentTimeMillis() < deadline && (line = output.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        Thread drain = new Thread(() -> output.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return server.asNode(
            URI.create("http://127.0.0.1:" + ready.group(1)), TestServer.OPERATOR_TOKEN);
      }
    }
    throw new AssertionError("node did not start:\n" + seen);
  }
}
