package io.tenantsync.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.server.config.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The driver options each pool adds to the operator's JDBC URL. */
class DatabaseUrlTest {
  private static ServerConfig config(String url) {
    return new ServerConfig(0, url, "root", null, null, Duration.ZERO);
  }

  @Test
  void thePreparedPoolKeepsStatementsOnTheServerAndTheOthersDoNot() {
    ServerConfig mariaDb = config("jdbc:mysql://127.0.0.1:3306/ts");
    String shared = Database.jdbcUrl(mariaDb, DatabaseKind.MYSQL);
    String prepared = Database.preparedJdbcUrl(mariaDb, DatabaseKind.MYSQL);

    assertTrue(shared.contains("useServerPrepStmts=false"), shared);
    assertTrue(shared.contains("prepStmtCacheSize=500"), shared);
    assertTrue(prepared.contains("useServerPrepStmts=true"), prepared);
    assertTrue(prepared.contains("prepStmtCacheSize=16"), prepared);
    assertFalse(prepared.contains("useServerPrepStmts=false"), prepared);
    assertFalse(prepared.contains("prepStmtCacheSize=500"), prepared);
    // Every other option is the same for both.
    assertEquals(otherOptions(shared), otherOptions(prepared));
  }

  private static java.util.Set<String> otherOptions(String url) {
    java.util.Set<String> options =
        new java.util.TreeSet<>(java.util.List.of(url.substring(url.indexOf('?') + 1).split("&")));
    options.removeIf(
        o -> o.startsWith("useServerPrepStmts=") || o.startsWith("prepStmtCacheSize="));
    return options;
  }

  @Test
  void theOperatorsOwnOptionsWin() {
    ServerConfig mariaDb =
        config("jdbc:mysql://db/ts?useServerPrepStmts=false&cachePrepStmts=true");
    String prepared = Database.preparedJdbcUrl(mariaDb, DatabaseKind.MYSQL);
    assertTrue(prepared.startsWith("jdbc:mysql://db/ts?useServerPrepStmts=false&"), prepared);
    assertFalse(prepared.contains("useServerPrepStmts=true"), prepared);
  }

  @Test
  void h2TakesTheSameUrlForEveryPool() {
    ServerConfig h2 = config("jdbc:h2:mem:ts");
    assertEquals(
        Database.jdbcUrl(h2, DatabaseKind.H2), Database.preparedJdbcUrl(h2, DatabaseKind.H2));
  }
}
