package io.tenantsync.server.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantsync.server.persistence.DatabaseKind;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.SeededUsers;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox claim ({@link OutboxWorkers#claimSql}), the statement every worker of every node runs
 * in a loop, reads by index on MariaDB however large the outbox grows: {@code EXPLAIN} of the exact
 * statement over 100,000 delivered rows, 5,000 failed ones, a down tenant's backlog of 20,000
 * pending rows and the sync rows of 5,000 other tenants shows an index access with a small row
 * estimate on every table — no {@code ALL} (table scan), no {@code index} (full index scan).
 */
class OutboxIndexUsageIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  static final int DONE = 100_000;
  static final int FAILED = 5_000;
  static final int BACKLOG = 20_000;
  static final int DUE_BUT_PAUSED = 50;
  static final int OTHER_TENANTS = 5_000;
  static final long MAX_ROWS = 1_000;

  @Test
  void theClaimReadsByIndexWhateverTheOutboxHolds() throws Exception {
    assumeTrue(server.database.isMariaDb(), "EXPLAIN plans are MariaDB's");
    Tenant up = server.fixtures().tenant();
    Tenant down = server.fixtures().tenant();
    long now = System.currentTimeMillis();
    long farAway = now + 86_400_000L;
    try (Connection c =
        SeededUsers.bulkConnection(
            server.database.url, server.database.user, server.database.password)) {
      try (PreparedStatement pause =
          c.prepareStatement(
              "insert into tenant_sync (tenant_id, paused_until, consecutive_failures)"
                  + " values (?, ?, 9)")) {
        pause.setString(1, down.id());
        pause.setLong(2, farAway);
        pause.executeUpdate();
        for (int i = 0; i < OTHER_TENANTS; i++) { // the sync rows of a busy installation
          pause.setString(1, String.format(Locale.ROOT, "7e0a0000-0000-4000-8000-%012x", i));
          pause.setLong(2, i % 50 == 0 ? farAway : 0);
          pause.addBatch();
        }
        pause.executeBatch();
      }
      try (PreparedStatement row =
          c.prepareStatement(
              "insert into outbox (id, tenant_id, user_id, sequence, kind, payload, status,"
                  + " attempts, next_attempt_at, correlation_id, created_at, updated_at)"
                  + " values (?, ?, ?, ?, 'user.state', '{}', ?, 1, ?, 'c', ?, ?)")) {
        int n = 0;
        n = seed(row, n, DONE, up.id(), "done", now - 3_600_000L);
        n = seed(row, n, FAILED, up.id(), "failed", now - 3_600_000L);
        n = seed(row, n, BACKLOG, down.id(), "pending", farAway); // deferred past the pause
        seed(row, n, DUE_BUT_PAUSED, down.id(), "pending", now - 60_000L);
        row.executeBatch();
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE TABLE outbox, tenant_sync");
      }
      String sql = OutboxWorkers.claimSql(DatabaseKind.MYSQL).replace(":now", Long.toString(now));
      explain(c, sql);
    } finally {
      try (Connection c = server.database.connect();
          Statement s = c.createStatement()) {
        s.execute("TRUNCATE TABLE outbox");
        s.execute("DELETE FROM tenant_sync WHERE tenant_id LIKE '7e0a0000-%'");
      }
    }
  }

  /** {@code count} rows, one user each (their own sequence 1), of one status and due time. */
  private static int seed(
      PreparedStatement row, int first, int count, String tenant, String status, long due)
      throws SQLException {
    for (int i = first; i < first + count; i++) {
      row.setString(1, UUID.randomUUID().toString());
      row.setString(2, tenant);
      row.setString(3, String.format(Locale.ROOT, "0b0c0000-0000-4000-8000-%012x", i / 3));
      row.setLong(4, i % 3 + 1L);
      row.setString(5, status);
      row.setLong(6, due);
      row.setLong(7, due);
      row.setLong(8, due);
      row.addBatch();
      if (i % 5_000 == 4_999) {
        row.executeBatch();
      }
    }
    return first + count;
  }

  private static void explain(Connection c, String sql) throws SQLException {
    System.out.println("EXPLAIN " + sql);
    int tables = 0;
    try (Statement s = c.createStatement();
        ResultSet plan = s.executeQuery("EXPLAIN " + sql)) {
      while (plan.next()) {
        String table = plan.getString("table");
        String type = plan.getString("type");
        String key = plan.getString("key");
        long rows = plan.getLong("rows");
        System.out.printf(
            "    %-18s %-10s type=%-15s key=%-26s rows=%-7d %s%n",
            plan.getString("select_type"), table, type, key, rows, plan.getString("Extra"));
        if (type == null || table == null || table.startsWith("<")) {
          continue;
        }
        tables++;
        String where = "table " + table + " ";
        assertFalse(type.equals("ALL"), where + "is read by a full table scan");
        assertFalse(type.equals("index"), where + "is read by a full index scan");
        assertTrue(key != null, where + "is read without an index");
        assertTrue(rows <= MAX_ROWS, where + "is expected to read " + rows + " rows");
      }
    }
    assertTrue(tables >= 3, "the claim and both its subqueries are in the plan");
  }
}
