package io.tenantsync.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.tenantsync.server.testing.ItDatabase;
import io.tenantsync.server.testing.ServerProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar scim-server.jar} with a value that cannot be used stops at once with status 2
 * and one line on standard error that names the variable — never a stack trace. Needs no database
 * of the suite, so it runs in the H2 pass only.
 */
class BadConfigurationIT {
  @TempDir static Path data;

  @BeforeAll
  static void onceOnly() {
    assumeFalse(ItDatabase.mariaDbPass(), "independent of the database; run in the H2 pass");
  }

  @Test
  void portThatIsNotANumber() {
    assertRefused(Map.of(ServerConfig.PORT, "abc"), "TENANTSYNC_PORT=abc is invalid");
  }

  @Test
  void reconcileIntervalThatIsNotADuration() {
    assertRefused(
        Map.of(ServerConfig.RECONCILE_INTERVAL, "xyz"),
        "TENANTSYNC_RECONCILE_INTERVAL=xyz is invalid");
  }

  @Test
  void databaseUrlOfAnotherKind() {
    assertRefused(
        Map.of(ServerConfig.DB_URL, "postgres://db/x"), "TENANTSYNC_DB_URL=postgres://db/x");
  }

  @Test
  void unreachableDatabaseNamesTheUrlAndHidesItsPassword() {
    String line =
        assertRefused(
            Map.of(
                ServerConfig.DB_URL,
                "jdbc:mysql://127.0.0.1:1/tenantsync?password=url-secret",
                ServerConfig.DB_PASSWORD,
                "env-secret"),
            "TENANTSYNC_DB_URL=jdbc:mysql://127.0.0.1:1/tenantsync?password=*** cannot be used:"
                + " cannot connect to the database");
    assertFalse(line.contains("url-secret"), line);
  }

  @Test
  void portAlreadyInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      assertRefused(
          Map.of(ServerConfig.PORT, String.valueOf(taken.getLocalPort())),
          "TENANTSYNC_PORT=" + taken.getLocalPort() + " cannot be used: cannot listen on it");
    }
  }

  /** Runs the jar on an H2 file in a temporary directory with {@code bad} on top. */
  private static String assertRefused(Map<String, String> bad, String expectedStart) {
    Map<String, String> env = new HashMap<>();
    env.put(ServerConfig.PORT, "0");
    env.put(ServerConfig.DB_URL, "jdbc:h2:file:" + data.resolve("ts"));
    env.put(ServerConfig.RECONCILE_INTERVAL, "0");
    env.putAll(bad);
    ServerProcess.Exited exited = ServerProcess.runJarExpectingExit(env);
    assertEquals(2, exited.status(), exited.output());
    List<String> refusals =
        exited.output().lines().filter(l -> l.startsWith("tenantsync: cannot start: ")).toList();
    assertEquals(1, refusals.size(), exited.output());
    String line = refusals.get(0);
    assertTrue(line.startsWith("tenantsync: cannot start: " + expectedStart), line);
    assertFalse(exited.output().contains("\tat "), "a stack trace:\n" + exited.output());
    assertFalse(exited.output().contains("Exception"), "an exception:\n" + exited.output());
    assertFalse(exited.output().contains("env-secret"), exited.output());
    return line;
  }
}
