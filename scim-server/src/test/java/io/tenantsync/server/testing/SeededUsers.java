package io.tenantsync.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes many users of one existing tenant straight into {@code scim_user} and {@code user_email}
 * (MySQL/MariaDB), in multi-row INSERTs, for index and load tests that need a realistic table and
 * cannot wait for the API to create each row. The rows are what {@code UserMapper} writes for
 *
 * <pre>{@code
 * {"userName":"user0000042@<domain>","externalId":"ext-0000042",
 *  "name":{"givenName":"Given42","familyName":"Family42"},"displayName":"User 42",
 *  "emails":[{"value":"mail0000042@mail.example","type":"work","primary":true}]}
 * }</pre>
 *
 * <p>User {@code i} (0-based) has a fixed id ({@link #id}), was created and last modified at {@code
 * baseMillis + i} and has one e-mail address. Immutable; {@link #insert} may run from several
 * threads on distinct ranges.
 */
public record SeededUsers(String tenantId, String domain, long baseMillis) {
  private static final int ROWS_PER_INSERT = 1_000;

  public String id(int i) {
    return String.format(Locale.ROOT, "5eed0000-0000-4000-8000-%012x", i);
  }

  public String userName(int i) {
    return String.format(Locale.ROOT, "user%07d@%s", i, domain);
  }

  public String externalId(int i) {
    return String.format(Locale.ROOT, "ext-%07d", i);
  }

  public String email(int i) {
    return String.format(Locale.ROOT, "mail%07d@mail.example", i);
  }

  public long lastModified(int i) {
    return baseMillis + i;
  }

  /** A connection for {@link #insert}: batched statements rewritten to multi-row INSERTs. */
  public static Connection bulkConnection(String url, String user, String password)
      throws SQLException {
    String options = "rewriteBatchedStatements=true&useServerPrepStmts=false";
    Connection connection =
        DriverManager.getConnection(
            url + (url.contains("?") ? "&" : "?") + options, user, password);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET unique_checks = 0");
      statement.execute("SET foreign_key_checks = 0");
    }
    connection.setAutoCommit(false);
    return connection;
  }

  /** Inserts users {@code from} (inclusive) to {@code to} (exclusive), committing per chunk. */
  public void insert(Connection connection, int from, int to) throws SQLException {
    try (PreparedStatement users =
            connection.prepareStatement(
                "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, initial_user_name,"
                    + " initial_user_name_ci, external_id, display_name, given_name, family_name,"
                    + " active, managed, source, sync_state, retained, attributes, created_at,"
                    + " last_modified, version) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, TRUE, 'scim', 'synced', FALSE, ?, ?, ?,"
                    + " 0)");
        PreparedStatement emails =
            connection.prepareStatement(
                "INSERT INTO user_email (user_id, ordinal, tenant_id, email_value, value_ci,"
                    + " email_type, is_primary) VALUES (?, 0, ?, ?, ?, 'work', TRUE)")) {
      for (int i = from; i < to; i++) {
        String userName = userName(i);
        users.setString(1, id(i));
        users.setString(2, tenantId);
        users.setString(3, userName);
        users.setString(4, userName.toLowerCase(Locale.ROOT));
        users.setString(5, userName);
        users.setString(6, userName.toLowerCase(Locale.ROOT));
        users.setString(7, externalId(i));
        users.setString(8, "User " + i);
        users.setString(9, "Given" + i);
        users.setString(10, "Family" + i);
        users.setString(11, attributes(i));
        users.setLong(12, lastModified(i));
        users.setLong(13, lastModified(i));
        users.addBatch();
        emails.setString(1, id(i));
        emails.setString(2, tenantId);
        emails.setString(3, email(i));
        emails.setString(4, email(i).toLowerCase(Locale.ROOT));
        emails.addBatch();
        if ((i - from + 1) % ROWS_PER_INSERT == 0 || i == to - 1) {
          users.executeBatch();
          emails.executeBatch();
          connection.commit();
        }
      }
    }
  }

  private String attributes(int i) {
    return """
        {"userName":"%s","externalId":"%s","name":{"givenName":"Given%d","familyName":"Family%d"},\
        "displayName":"User %d","emails":[{"value":"%s","type":"work","primary":true}]}"""
        .formatted(userName(i), externalId(i), i, i, i, email(i));
  }
}
