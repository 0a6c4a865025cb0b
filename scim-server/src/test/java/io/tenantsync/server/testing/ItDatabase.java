package io.tenantsync.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database the integration tests of one JVM run against, chosen by the system property {@code
 * tenantsync.it.db}: {@code h2} (default, in memory) or {@code mariadb} (a fresh database on the
 * server named by {@code tenantsync.it.mariadb.url}, created for this run and dropped at its end).
 */
public final class ItDatabase {
  public final String url;
  public final String user;
  public final String password;
  public final String kind;

  private ItDatabase(String kind, String url, String user, String password) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public static ItDatabase create() {
    if (mariaDbPass()) {
      return mariadb();
    }
    String name = "it" + UUID.randomUUID().toString().replace("-", "");
    return new ItDatabase("h2", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", "");
  }

  /** True in the MariaDB pass of the integration tests (without creating a database). */
  public static boolean mariaDbPass() {
    return System.getProperty("tenantsync.it.db", "h2").equals("mariadb");
  }

  public boolean isMariaDb() {
    return kind.equals("mariadb");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private static ItDatabase mariadb() {
    String server = System.getProperty("tenantsync.it.mariadb.url", "jdbc:mysql://127.0.0.1:3306/");
    String user = System.getProperty("tenantsync.it.mariadb.user", "root");
    String password = System.getProperty("tenantsync.it.mariadb.password", "");
    String name = "tenantsync_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(server, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "MariaDB integration tests need a server at "
              + server
              + " (user "
              + user
              + "); start one or pass -DskipMariaDbITs=true",
          e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection connection = DriverManager.getConnection(server, user, password);
                      Statement statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                  } catch (SQLException e) {
                    System.err.println("could not drop test database " + name + ": " + e);
                  }
                }));
    return new ItDatabase("mariadb", server + name, user, password);
  }
}
