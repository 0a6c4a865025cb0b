package io.tenantsync.server.sandbox;

import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/** Moves sandbox rows back in time, to test retention without waiting for it. */
final class SandboxDb {
  private SandboxDb() {}

  /** As if the account had been soft-deleted {@code ago}. */
  static void ageDeletion(TestServer server, String userId, Duration ago) throws SQLException {
    update(
        server,
        "UPDATE sandbox_user SET deleted_at = ? WHERE id = ?",
        System.currentTimeMillis() - ago.toMillis(),
        userId);
  }

  /** As if the account had been hard-deleted {@code ago}. */
  static void agePurge(TestServer server, String userId, Duration ago) throws SQLException {
    update(
        server,
        "UPDATE sandbox_user SET purged_at = ? WHERE id = ?",
        System.currentTimeMillis() - ago.toMillis(),
        userId);
  }

  private static void update(TestServer server, String sql, long millis, String id)
      throws SQLException {
    try (Connection connection = server.database.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      connection.setAutoCommit(true);
      statement.setLong(1, millis);
      statement.setString(2, id);
      if (statement.executeUpdate() != 1) {
        throw new IllegalStateException("no sandbox_user " + id);
      }
    }
  }
}
