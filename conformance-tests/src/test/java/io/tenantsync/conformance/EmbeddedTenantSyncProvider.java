package io.tenantsync.conformance;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.server.TenantSyncServer;
import io.tenantsync.server.config.ServerConfig;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The default target of this build: TenantSync started in-process on a free port, with a fresh
 * tenant and a token of that tenant created through the installation API.
 *
 * <p>The database follows the failsafe execution: {@code -Dtenantsync.it.db=h2} (default, in
 * memory) or {@code mariadb}, where a database {@code tenantsync_conf_<random>} is created on
 * {@code tenantsync.it.mariadb.url} and dropped when the JVM exits.
 */
public final class EmbeddedTenantSyncProvider implements ScimTargetProvider {

  @Override
  public ScimTarget start() throws Exception {
    final String operatorToken = "conformance-operator-" + UUID.randomUUID();
    final Map<String, String> env = new HashMap<>();
    env.put("TENANTSYNC_PORT", "0");
    env.put("TENANTSYNC_OPERATOR_TOKEN", operatorToken);
    env.put("TENANTSYNC_RECONCILE_INTERVAL", "0");
    final Runnable dropDatabase = database(env);
    final TenantSyncServer server;
    try {
      server = TenantSyncServer.start(ServerConfig.fromEnvironment(env));
    } catch (final Exception e) {
      dropDatabase.run();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  dropDatabase.run();
                },
                "conformance-tenantsync-shutdown"));

    final URI installation = URI.create(server.baseUri() + "/scim/v2");
    final ScimHttp operator = new ScimHttp(installation, operatorToken);
    final String domain = "conf" + Scim.random() + ".onmicrosoft.com";
    final ScimResponse tenant =
        operator.post(
            "/Tenants",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Tenant"],"displayName":"Conf","initialDomain":"%s"}
            """
                .formatted(domain));
    assertThat(tenant).status(201);
    final ScimResponse token =
        operator.post(
            "/ApiTokens",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:ApiToken"],"subject":{"type":"tenant","value":"%s"},"displayName":"conformance"}
            """
                .formatted(tenant.id()));
    assertThat(token).status(201).present("/token");
    return new ScimTarget(
        URI.create(installation + "/tenants/" + tenant.id()),
        token.text("/token").orElseThrow(),
        installation,
        operatorToken,
        domain);
  }

  /** Puts the database settings into {@code env}; returns what drops the database again. */
  private static Runnable database(final Map<String, String> env) throws SQLException {
    if (!"mariadb".equals(System.getProperty("tenantsync.it.db", "h2"))) {
      env.put("TENANTSYNC_DB_URL", "jdbc:h2:mem:conf" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      return () -> {};
    }
    final String server =
        System.getProperty("tenantsync.it.mariadb.url", "jdbc:mysql://127.0.0.1:3306/");
    final String user = System.getProperty("tenantsync.it.mariadb.user", "root");
    final String password = System.getProperty("tenantsync.it.mariadb.password", "");
    final String name = "tenantsync_conf_" + Scim.random();
    execute(server, user, password, "CREATE DATABASE " + name);
    env.put("TENANTSYNC_DB_URL", (server.endsWith("/") ? server : server + "/") + name);
    env.put("TENANTSYNC_DB_USER", user);
    env.put("TENANTSYNC_DB_PASSWORD", password);
    return () -> {
      try {
        execute(server, user, password, "DROP DATABASE IF EXISTS " + name);
      } catch (final SQLException e) {
        System.err.println("could not drop " + name + ": " + e);
      }
    };
  }

  private static void execute(
      final String url, final String user, final String password, final String sql)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
