package io.tenantsync.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void defaultsMatchTheContract() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of());
    assertEquals(8080, config.port());
    assertEquals(ServerConfig.DEFAULT_DB_URL, config.dbUrl());
    assertNull(config.operatorToken());
    assertEquals(Duration.ofMinutes(15), config.reconcileInterval());
    assertFalse(config.isMySql());
  }

  @Test
  void readsEveryVariable() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "TENANTSYNC_PORT", "0",
                "TENANTSYNC_DB_URL", "jdbc:mysql://127.0.0.1:3306/ts",
                "TENANTSYNC_DB_USER", "ts",
                "TENANTSYNC_DB_PASSWORD", "pw",
                "TENANTSYNC_OPERATOR_TOKEN", "an-operator-token-of-length",
                "TENANTSYNC_RECONCILE_INTERVAL", "0"));
    assertEquals(0, config.port());
    assertTrue(config.isMySql());
    assertEquals("ts", config.dbUser());
    assertEquals(Duration.ZERO, config.reconcileInterval());
  }

  @Test
  void badValuesNameTheVariable() {
    assertNamed("TENANTSYNC_PORT", Map.of("TENANTSYNC_PORT", "eighty"));
    assertNamed("TENANTSYNC_PORT", Map.of("TENANTSYNC_PORT", "70000"));
    assertNamed("TENANTSYNC_DB_URL", Map.of("TENANTSYNC_DB_URL", "postgres://x"));
    assertNamed("TENANTSYNC_RECONCILE_INTERVAL", Map.of("TENANTSYNC_RECONCILE_INTERVAL", "15m"));
    assertNamed("TENANTSYNC_OPERATOR_TOKEN", Map.of("TENANTSYNC_OPERATOR_TOKEN", "short"));
  }

  @Test
  void passwordsInsideTheDatabaseUrlAreMasked() {
    ServerConfig options =
        ServerConfig.fromEnvironment(
            Map.of("TENANTSYNC_DB_URL", "jdbc:mysql://db:3306/ts?user=u&password=s3cret&ssl=true"));
    assertEquals("jdbc:mysql://db:3306/ts?user=u&password=***&ssl=true", options.dbUrlForDisplay());
    ServerConfig userInfo =
        ServerConfig.fromEnvironment(Map.of("TENANTSYNC_DB_URL", "jdbc:mysql://u:s3cret@db/ts"));
    assertEquals("jdbc:mysql://u:***@db/ts", userInfo.dbUrlForDisplay());
    ServerConfig h2 =
        ServerConfig.fromEnvironment(
            Map.of("TENANTSYNC_DB_URL", "jdbc:h2:file:./d;PASSWORD=s3cret"));
    assertFalse(h2.toString().contains("s3cret"), h2.toString());
    assertFalse(options.toString().contains("s3cret"), options.toString());
    assertFalse(userInfo.toString().contains("s3cret"), userInfo.toString());
  }

  @Test
  void toStringHidesSecrets() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "TENANTSYNC_DB_PASSWORD", "db-secret",
                "TENANTSYNC_OPERATOR_TOKEN", "operator-secret-token-value"));
    assertFalse(config.toString().contains("db-secret"));
    assertFalse(config.toString().contains("operator-secret-token-value"));
  }

  private static void assertNamed(String variable, Map<String, String> env) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(env));
    assertTrue(e.getMessage().startsWith(variable + "="), e.getMessage());
    assertFalse(e.getMessage().contains("short"), "a bad token value must not be echoed");
  }
}
