package io.tenantsync.server.persistence;

import io.tenantsync.server.config.ConfigException;
import io.tenantsync.server.config.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Connects once, before any pool or migration, so that a database that cannot be used stops the
 * start with a {@link ConfigException} naming the variable to fix (the URL, or the credentials when
 * the server refused them) instead of a connection pool's stack trace.
 */
final class ConnectionCheck {
  /** SQLSTATE class 28: invalid authorization specification (wrong user or password). */
  private static final String AUTHORIZATION_CLASS = "28";

  private ConnectionCheck() {}

  static void connect(ServerConfig config, String jdbcUrl) {
    try (Connection connection =
        DriverManager.getConnection(jdbcUrl, config.dbUser(), config.dbPassword())) {
      connection.isValid(5);
    } catch (SQLException e) {
      String reason = firstLine(e);
      if (e.getSQLState() != null && e.getSQLState().startsWith(AUTHORIZATION_CLASS)) {
        throw ConfigException.unusable(
            ServerConfig.DB_USER + "/" + ServerConfig.DB_PASSWORD,
            String.valueOf(config.dbUser()),
            "the database refused these credentials (" + reason + ")",
            e);
      }
      throw ConfigException.unusable(
          ServerConfig.DB_URL,
          config.dbUrlForDisplay(),
          "cannot connect to the database (" + reason + ")",
          e);
    }
  }

  /** The driver's own first line ("Communications link failure", "Access denied …"). */
  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
