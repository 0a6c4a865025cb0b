package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.TenantSyncServer;
import io.tenantsync.server.config.ServerConfig;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.CursorState;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.SeededUsers;
import io.tenantsync.server.testing.SqlLog;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every SQL statement behind the common reads of a large tenant uses an index (MariaDB only: the
 * plans are MariaDB's). 100,000 users are written straight into the tables, a second server node
 * records the statements it really sends ({@link SqlLog}), and each one's {@code EXPLAIN} must show
 * an index access with a small row estimate: no {@code ALL} (table scan), no {@code index} (full
 * index scan), a key on every table.
 *
 * <p>The one statement allowed to visit the whole tenant is the {@code count(*)} behind {@code
 * totalResults} of an unfiltered list; it still goes through the tenant index.
 */
class UserIndexUsageIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private static final int USERS = 100_000;
  private static final int GROUPS = 200;
  private static final int GROUP_MEMBERS = 80_000;
  private static final int LICENSED = 1_000;
  private static final int PRODUCTS = 300;
  private static final int PAGE = 50;

  /** Most rows a plan may expect to read per table for a lookup by a selective filter. */
  private static final long MAX_ROWS = 1_000;

  @Test
  void readsOfALargeTenantUseIndexes() throws Exception {
    assumeTrue(server.database.isMariaDb(), "EXPLAIN plans are MariaDB's");
    Fixtures fixtures = server.fixtures();
    String reseller = fixtures.reseller(Fixtures.unique("r"));
    String token = fixtures.token("reseller", reseller);
    Tenant tenant = fixtures.tenant(server.as(token));
    Http op = server.operator();
    String product =
        op.post(
                "tenants/" + tenant.id() + "/Products",
                "{\"skuPartNumber\":\"E5\",\"prepaidUnits\":{\"enabled\":" + LICENSED + "}}")
            .expect(201)
            .id();
    SeededUsers users =
        new SeededUsers(
            tenant.id(), tenant.domain(), System.currentTimeMillis() - 86_400_000L - USERS);
    seed(users, tenant.id(), product);

    // Every pool prepares client-side here, so SqlLog sees each statement with its values (the
    // plans are the same as for statements prepared on the server).
    TenantSyncServer node =
        TenantSyncServer.start(
            TestServer.config(
                server.database,
                Map.of(
                    ServerConfig.DB_URL,
                    server.database.url + "?useServerPrepStmts=false&" + SqlLog.urlOption())));
    try (Connection connection = server.database.connect()) {
      Http reader = server.asNode(node.baseUri(), token);
      Reads reads = new Reads(reader, tenant, connection);

      int one = 77_777;
      JsonNode user = reads.run("GET /Users/{id}", tenant.users() + "/" + users.id(one), false);
      assertEquals(users.userName(one), user.path("userName").asText());
      assertEquals(users.email(one), user.path("emails").path(0).path("value").asText());
      assertEquals(groupId(one % GROUPS), user.path("groups").path(0).path("value").asText());

      int licensed = 777;
      user =
          reads.run("GET /Users/{id} (licensed)", tenant.users() + "/" + users.id(licensed), false);
      assertEquals("E5", user.path("entitlements").path(0).path("value").asText());

      String name = users.userName(42_424).toUpperCase(Locale.ROOT);
      assertOnly(users.id(42_424), reads.filter("userName eq \"" + name + "\""));
      assertOnly(
          users.id(31_337), reads.filter("externalId eq \"" + users.externalId(31_337) + "\""));
      String mail = users.email(99_999).toUpperCase(Locale.ROOT);
      assertOnly(users.id(99_999), reads.filter("emails.value eq \"" + mail + "\""));

      Instant since = Instant.ofEpochMilli(users.lastModified(USERS - 6));
      JsonNode recent = reads.filter("meta.lastModified gt \"" + since + "\"");
      assertEquals(5, recent.path("totalResults").asInt());
      for (int i = 0; i < 5; i++) {
        assertEquals(users.id(USERS - 5 + i), recent.path("Resources").path(i).path("id").asText());
      }

      JsonNode first =
          reads.run("first cursor page", tenant.users() + "?count=" + PAGE + "&cursor=", true);
      assertEquals(users.id(0), first.path("Resources").path(0).path("id").asText());
      assertEquals(USERS, first.path("totalResults").asInt());
      int from = 90_000;
      String deep = deepCursor(connection, tenant.id(), users.id(from - 1));
      JsonNode page =
          reads.run(
              "deep cursor page", tenant.users() + "?count=" + PAGE + "&cursor=" + deep, true);
      assertEquals(PAGE, page.path("Resources").size());
      for (int i = 0; i < PAGE; i++) {
        assertEquals(users.id(from + i), page.path("Resources").path(i).path("id").asText());
      }
      assertTrue(page.hasNonNull("nextCursor") && page.hasNonNull("previousCursor"));
      JsonNode next =
          reads.run(
              "next cursor page",
              tenant.users()
                  + "?count="
                  + PAGE
                  + "&cursor="
                  + URLEncoder.encode(page.path("nextCursor").asText(), StandardCharsets.UTF_8),
              true);
      assertEquals(users.id(from + PAGE), next.path("Resources").path(0).path("id").asText());
    } finally {
      node.close();
      truncateUsers();
    }
  }

  private static void assertOnly(String id, JsonNode list) {
    assertEquals(1, list.path("totalResults").asInt(), list::toString);
    assertEquals(id, list.path("Resources").path(0).path("id").asText());
  }

  /** The requests under test, each checked for its status and for the plans of its statements. */
  private record Reads(Http reader, Tenant tenant, Connection connection) {

    JsonNode filter(String filter) throws SQLException {
      return run(
          "filter=" + filter,
          tenant.users() + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
          false);
    }

    /**
     * GETs {@code path} and EXPLAINs every SELECT the request sent. {@code countsTenant}: the
     * request lists the whole tenant, so its {@code count(*)} may read every row of it by index.
     */
    JsonNode run(String label, String path, boolean countsTenant) throws SQLException {
      SqlLog.clear();
      JsonNode body = reader.get(path).expect(200).json();
      List<SqlLog.Statement> sent = SqlLog.drain(s -> s.thread().startsWith("qtp"));
      List<String> selects = new ArrayList<>();
      for (SqlLog.Statement statement : sent) {
        if (statement.sql().strip().toLowerCase(Locale.ROOT).startsWith("select")) {
          selects.add(statement.sql());
        }
      }
      assertFalse(selects.isEmpty(), label + ": no SELECT recorded");
      System.out.printf(
          "%n%s: %d statements sent, %d SELECTs%n", label, sent.size(), selects.size());
      for (String sql : selects) {
        boolean tenantCount = countsTenant && sql.toLowerCase(Locale.ROOT).contains("count(");
        explain(label, sql, tenantCount ? Long.MAX_VALUE : MAX_ROWS);
      }
      return body;
    }

    private void explain(String label, String sql, long maxRows) throws SQLException {
      System.out.println("  " + sql);
      try (Statement statement = connection.createStatement();
          ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
        while (plan.next()) {
          String table = plan.getString("table");
          String type = plan.getString("type");
          String key = plan.getString("key");
          long rows = plan.getLong("rows");
          String extra = plan.getString("Extra");
          System.out.printf(
              "    %-14s type=%-7s key=%-28s rows=%-7d %s%n", table, type, key, rows, extra);
          if (type == null || table == null || table.startsWith("<")) {
            // No table read (optimised away, impossible WHERE), or the server's own temporary
            // result of a subquery or union (<subquery2>), whose source rows are checked apart.
            continue;
          }
          String where = label + ": " + table + " in\n" + sql + "\n";
          if (table.equals("k") && sql.contains(" user_access_kind k ")) {
            // UserAccess.JOIN's constant row generator: its three rows are meant to be read whole.
            assertEquals(3, rows, where + "holds its three kinds");
            continue;
          }
          assertFalse(type.equals("ALL"), where + "is read by a full table scan");
          assertFalse(type.equals("index"), where + "is read by a full index scan");
          assertTrue(key != null, where + "is read without an index");
          // EXPLAIN's estimate ignores LIMIT; a page read in index order stops after the page.
          boolean limitedInOrder =
              sql.contains(" limit ") && (extra == null || !extra.contains("filesort"));
          assertTrue(
              limitedInOrder || rows <= maxRows, where + "is expected to read " + rows + " rows");
        }
      }
    }
  }

  /**
   * A cursor the server would have issued after {@code lastId} for an unfiltered, unsorted list:
   * signed with the installation's cursor key, as every node signs them.
   */
  private static String deepCursor(Connection connection, String tenantId, String lastId)
      throws SQLException {
    byte[] key;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT secret FROM installation_secret WHERE name = 'cursor-signing'")) {
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next(), "the cursor key exists once a server has started");
        key = Base64.getDecoder().decode(rs.getString(1));
      }
    }
    return new CursorCodec(key)
        .encode(
            new CursorState(
                tenantId,
                CursorCodec.queryFingerprint("User|", null, null),
                null,
                lastId,
                System.currentTimeMillis() + 600_000,
                true,
                100_000));
  }

  private static String groupId(int g) {
    return String.format(Locale.ROOT, "6eed0000-0000-4000-8000-%012x", g);
  }

  /**
   * The users; {@value #PRODUCTS} more products, so that the product table is not trivially small;
   * {@value #GROUPS} groups that the first {@value #GROUP_MEMBERS} users are spread over; a license
   * and an admin role for the first {@value #LICENSED}; then fresh statistics.
   */
  private static void seed(SeededUsers users, String tenantId, String product) throws SQLException {
    long started = System.nanoTime();
    try (Connection connection =
        SeededUsers.bulkConnection(
            server.database.url, server.database.user, server.database.password)) {
      users.insert(connection, 0, USERS);
      try (PreparedStatement products =
              connection.prepareStatement(
                  "INSERT INTO product (id, tenant_id, sku_id, sku_part_number,"
                      + " sku_part_number_ci, prepaid_enabled, consumed_units, service_plans,"
                      + " created_at, last_modified, version) VALUES (?, ?, ?, ?, ?, 10, 0, '[]',"
                      + " 0, 0, 0)");
          PreparedStatement groups =
              connection.prepareStatement(
                  "INSERT INTO scim_group (id, tenant_id, display_name, display_name_ci,"
                      + " created_at, last_modified, version) VALUES (?, ?, ?, ?, 0, 0, 0)");
          PreparedStatement members =
              connection.prepareStatement(
                  "INSERT INTO group_member (group_id, member_id, member_type, tenant_id)"
                      + " VALUES (?, ?, 'User', ?)");
          PreparedStatement licenses =
              connection.prepareStatement(
                  "INSERT INTO user_license (user_id, product_id, tenant_id, suspended,"
                      + " assigned_at) VALUES (?, ?, ?, FALSE, 0)");
          PreparedStatement roles =
              connection.prepareStatement(
                  "INSERT INTO user_role (user_id, role, tenant_id)"
                      + " VALUES (?, 'User Administrator', ?)")) {
        for (int p = 0; p < PRODUCTS; p++) {
          String id = String.format(Locale.ROOT, "7eed0000-0000-4000-8000-%012x", p);
          products.setString(1, id);
          products.setString(2, tenantId);
          products.setString(3, id);
          products.setString(4, "SKU" + p);
          products.setString(5, "sku" + p);
          products.addBatch();
        }
        products.executeBatch();
        for (int g = 0; g < GROUPS; g++) {
          groups.setString(1, groupId(g));
          groups.setString(2, tenantId);
          groups.setString(3, "Group " + g);
          groups.setString(4, "group " + g);
          groups.addBatch();
        }
        groups.executeBatch();
        for (int i = 0; i < GROUP_MEMBERS; i++) {
          members.setString(1, groupId(i % GROUPS));
          members.setString(2, users.id(i));
          members.setString(3, tenantId);
          members.addBatch();
          if (i < LICENSED) {
            licenses.setString(1, users.id(i));
            licenses.setString(2, product);
            licenses.setString(3, tenantId);
            licenses.addBatch();
            roles.setString(1, users.id(i));
            roles.setString(2, tenantId);
            roles.addBatch();
          }
        }
        members.executeBatch();
        licenses.executeBatch();
        roles.executeBatch();
        connection.commit();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "ANALYZE TABLE scim_user, user_email, product, scim_group, group_member, user_license,"
                + " user_role");
      }
    }
    System.out.printf(
        "seeded %d users in %d ms%n", USERS, (System.nanoTime() - started) / 1_000_000);
  }

  /** Empties the user tables at once, so the next test's reset need not delete row by row. */
  private static void truncateUsers() throws SQLException {
    try (Connection connection = server.database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      for (String table :
          List.of(
              "group_member",
              "scim_group",
              "user_license",
              "user_role",
              "user_email",
              "outbox",
              "scim_user")) {
        statement.execute("TRUNCATE TABLE " + table);
      }
      statement.execute("SET FOREIGN_KEY_CHECKS = 1");
    }
  }
}
