package io.tenantsync.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.server.TenantSyncServer;
import io.tenantsync.server.config.ServerConfig;
import io.tenantsync.server.testing.ItDatabase;
import io.tenantsync.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without TENANTSYNC_OPERATOR_TOKEN, the first start generates a token and prints it once. */
class OperatorTokenBootstrapIT {

  @Test
  void firstStartGeneratesAndPrintsATokenThatWorksAndLaterStartsDoNot() throws Exception {
    ItDatabase database = ItDatabase.create();
    Map<String, String> env = new HashMap<>();
    env.put(ServerConfig.OPERATOR_TOKEN, "");
    ServerConfig config = TestServer.config(database, env);
    assertNull(config.operatorToken());

    PrintStream original = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    String secret;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try (TenantSyncServer server = TenantSyncServer.start(config)) {
      secret =
          console
              .toString(StandardCharsets.UTF_8)
              .lines()
              .map(String::trim)
              .filter(line -> line.startsWith("ts_"))
              .findFirst()
              .orElse(null);
      assertNotNull(secret, "no token printed:\n" + console);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUri() + "/scim/v2/Tenants"))
                      .header("Authorization", "Bearer " + secret)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
    } finally {
      System.setOut(original);
    }

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    System.setOut(new PrintStream(second, true, StandardCharsets.UTF_8));
    try (TenantSyncServer server = TenantSyncServer.start(config)) {
      assertTrue(
          second
              .toString(StandardCharsets.UTF_8)
              .lines()
              .noneMatch(l -> l.trim().startsWith("ts_")));
    } finally {
      System.setOut(original);
    }
  }
}
