package io.tenantsync.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.tenantsync.server.TenantSyncServer;
import io.tenantsync.server.config.ServerConfig;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One TenantSync server for all integration tests of a JVM (started on first use on a free port,
 * stopped at exit), on the database {@link ItDatabase} picks. Before each test every table but the
 * migration history and installation secrets is emptied; after each test the connection pool must
 * have no connection left in use.
 *
 * <pre>{@code @RegisterExtension static final TestServer server = TestServer.shared();}</pre>
 */
public final class TestServer implements BeforeEachCallback, AfterEachCallback {
  public static final String OPERATOR_TOKEN = "it-operator-token-0123456789abcdef";

  /** Tables the migrations or the first start fill, which no test writes: not emptied. */
  private static final List<String> KEPT =
      List.of(
          "flyway_schema_history", "installation_secret", "user_access_kind", "reach_generation");

  private static TestServer shared;

  public final ItDatabase database;
  private final TenantSyncServer server;

  private TestServer(ItDatabase database, TenantSyncServer server) {
    this.database = database;
    this.server = server;
  }

  public static synchronized TestServer shared() {
    if (shared == null) {
      ItDatabase database = ItDatabase.create();
      try {
        TenantSyncServer server = TenantSyncServer.start(config(database, Map.of()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        shared = new TestServer(database, server);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the test server", e);
      }
    }
    return shared;
  }

  /** The environment a test server runs with, plus {@code overrides}. */
  public static ServerConfig config(ItDatabase database, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put(ServerConfig.PORT, "0");
    env.put(ServerConfig.DB_URL, database.url);
    env.put(ServerConfig.DB_USER, database.user);
    env.put(ServerConfig.DB_PASSWORD, database.password);
    env.put(ServerConfig.OPERATOR_TOKEN, OPERATOR_TOKEN);
    env.put(ServerConfig.RECONCILE_INTERVAL, "0");
    env.putAll(overrides);
    return ServerConfig.fromEnvironment(env);
  }

  /** The running server, for tests that drive its background work directly. */
  public TenantSyncServer server() {
    return server;
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public Http operator() {
    return new Http(baseUri(), OPERATOR_TOKEN);
  }

  public Http as(String token) {
    return new Http(baseUri(), token);
  }

  /** A client for another server node (same database), as {@code token}. */
  public Http asNode(URI node, String token) {
    return new Http(node, token);
  }

  public Http anonymous() {
    return new Http(baseUri(), null);
  }

  public Fixtures fixtures() {
    return new Fixtures(this);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          connection
              .getMetaData()
              .getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
            continue;
          }
          String table = rs.getString("TABLE_NAME");
          if (KEPT.stream().noneMatch(table::equalsIgnoreCase)) {
            tables.add(table);
          }
        }
      }
      statement.execute(
          database.isMariaDb() ? "SET FOREIGN_KEY_CHECKS = 0" : "SET REFERENTIAL_INTEGRITY FALSE");
      for (String table : tables) {
        statement.execute("DELETE FROM " + table);
      }
      statement.execute(
          database.isMariaDb() ? "SET FOREIGN_KEY_CHECKS = 1" : "SET REFERENTIAL_INTEGRITY TRUE");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    // Outbox and reconciliation workers borrow connections too, for as long as a call to the
    // tenant directory takes; on a loaded machine that is seconds. A leaked connection never
    // comes back, so waiting longer still catches every leak.
    HikariDataSource pool = (HikariDataSource) server.database().dataSource();
    for (int i = 0; i < 500 && pool.getHikariPoolMXBean().getActiveConnections() > 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(
        0,
        pool.getHikariPoolMXBean().getActiveConnections(),
        "database connections leaked by the test");
    for (javax.sql.DataSource source :
        List.of(server.database().readDataSource(), server.database().preparedDataSource())) {
      HikariDataSource reads = (HikariDataSource) source;
      assertEquals(
          0,
          reads.getHikariPoolMXBean().getActiveConnections(),
          "read connections leaked by the test: " + reads.getPoolName());
    }
  }
}
