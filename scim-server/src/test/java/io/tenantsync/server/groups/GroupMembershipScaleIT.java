package io.tenantsync.server.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A group of 50,000 members gains and loses one member through PATCH without its other members
 * being read, and its reads stay bounded. The members are seeded with JDBC: users rows, then
 * membership rows, in multi-row inserts.
 */
class GroupMembershipScaleIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  private static final int MEMBERS = 50_000;
  private static final int ROWS_PER_INSERT = 500;

  @Test
  void aGroupOfFiftyThousandGainsAndLosesOneMember() throws SQLException {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    String groups = "tenants/" + tenant.id() + "/Groups";
    String group = op.post(groups, "{\"displayName\":\"Everyone\"}").expect(201).id();
    List<String> seeded = seedMembers(tenant, group);
    assertEquals(MEMBERS, memberCount(group));
    String newcomer = server.fixtures().user(op, tenant, "newcomer");
    String leaver = seeded.get(MEMBERS / 2);
    String etag = op.get(groups + "/" + group + "?excludedAttributes=members").header("ETag");

    long rowsBefore = rowsRead();
    var added =
        op.patch(
                groups + "/" + group,
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}"""
                    .formatted(newcomer))
            .expect(204);
    assertNotEquals(etag, added.header("ETag"), "204 carries the new version");
    // Without excludedAttributes=members the response needs to know whether the members fit
    // (at most MAX_RETURNED): that probe walks up to MAX_RETURNED + 1 index entries, whatever
    // the group's size, and loads none of them.
    assertFewRowsRead(rowsBefore, GroupMemberships.MAX_RETURNED + 2_000, "adding one member");
    assertEquals(MEMBERS + 1, memberCount(group));
    assertTrue(isMember(group, newcomer));

    rowsBefore = rowsRead();
    JsonNode removed =
        op.patch(
                groups + "/" + group + "?excludedAttributes=members",
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                    .formatted(leaver))
            .expect(200)
            .json();
    assertFewRowsRead(rowsBefore, 2_000, "removing one member");
    assertEquals("Everyone", removed.path("displayName").asText());
    assertFalse(removed.has("members"));
    assertEquals(MEMBERS, memberCount(group));
    assertFalse(isMember(group, leaver));
    assertTrue(isMember(group, seeded.get(0)));

    op.get(groups + "/" + group).expectError(400, "tooMany");
    op.get(groups + "/" + group + "?excludedAttributes=members").expect(200);
    op.get(groups).expectError(400, "tooMany");
    JsonNode found =
        op.get(
                groups
                    + "?excludedAttributes=members&filter="
                    + URLEncoder.encode(
                        "members[value eq \"" + newcomer + "\"]", StandardCharsets.UTF_8))
            .expect(200)
            .json();
    assertEquals(1, found.path("totalResults").asInt());
    assertEquals(group, found.path("Resources").get(0).path("id").asText());
  }

  /**
   * Rows the whole MariaDB server has read through indexes and table scans so far ({@code
   * Handler_read_*}), or -1 on H2. Reading a 50,000-member group would move it by at least 50,000;
   * the test server's own background work moves it by a few hundred at most. (Global: meaningful
   * only while no other test suite uses the same MariaDB, as in CI.)
   */
  private static long rowsRead() throws SQLException {
    if (!server.database.isMariaDb()) {
      return -1;
    }
    try (Connection connection = server.database.connect();
        ResultSet status =
            connection
                .createStatement()
                .executeQuery(
                    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_read_first',"
                        + " 'Handler_read_key', 'Handler_read_next', 'Handler_read_prev',"
                        + " 'Handler_read_rnd', 'Handler_read_rnd_next')")) {
      long rows = 0;
      while (status.next()) {
        rows += status.getLong(2);
      }
      return rows;
    }
  }

  private static void assertFewRowsRead(long before, int limit, String what) throws SQLException {
    if (before < 0) {
      return;
    }
    long read = rowsRead() - before;
    assertTrue(read < limit, what + " read " + read + " rows: the other members were read");
  }

  /** 50,000 users of the tenant, all members of {@code group}; returns their ids. */
  private static List<String> seedMembers(Tenant tenant, String group) throws SQLException {
    List<String> ids = new ArrayList<>(MEMBERS);
    for (int i = 0; i < MEMBERS; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    long now = System.currentTimeMillis();
    try (Connection connection = server.database.connect()) {
      connection.setAutoCommit(false);
      for (int from = 0; from < MEMBERS; from += ROWS_PER_INSERT) {
        List<String> chunk = ids.subList(from, Math.min(MEMBERS, from + ROWS_PER_INSERT));
        String users =
            "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, initial_user_name,"
                + " initial_user_name_ci, active, managed, source, sync_state, retained,"
                + " attributes, created_at, last_modified, version) VALUES "
                + String.join(
                    ",", Collections.nCopies(chunk.size(), "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        try (PreparedStatement insert = connection.prepareStatement(users)) {
          int p = 1;
          for (String id : chunk) {
            String name = "m" + id.substring(0, 8) + id.substring(24) + "@" + tenant.domain();
            insert.setString(p++, id);
            insert.setString(p++, tenant.id());
            insert.setString(p++, name);
            insert.setString(p++, name);
            insert.setString(p++, name);
            insert.setString(p++, name);
            insert.setBoolean(p++, true);
            insert.setBoolean(p++, true);
            insert.setString(p++, "scim");
            insert.setString(p++, "pending");
            insert.setBoolean(p++, false);
            insert.setString(p++, "{\"userName\":\"" + name + "\"}");
            insert.setLong(p++, now);
            insert.setLong(p++, now);
            insert.setLong(p++, 0);
          }
          insert.executeUpdate();
        }
        String members =
            "INSERT INTO group_member (group_id, member_id, member_type, tenant_id) VALUES "
                + String.join(",", Collections.nCopies(chunk.size(), "(?,?,?,?)"));
        try (PreparedStatement insert = connection.prepareStatement(members)) {
          int p = 1;
          for (String id : chunk) {
            insert.setString(p++, group);
            insert.setString(p++, id);
            insert.setString(p++, "User");
            insert.setString(p++, tenant.id());
          }
          insert.executeUpdate();
        }
      }
      connection.commit();
    }
    return ids;
  }

  private static long memberCount(String group) throws SQLException {
    try (Connection connection = server.database.connect();
        PreparedStatement count =
            connection.prepareStatement("SELECT COUNT(*) FROM group_member WHERE group_id = ?")) {
      count.setString(1, group);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static boolean isMember(String group, String member) throws SQLException {
    try (Connection connection = server.database.connect();
        PreparedStatement find =
            connection.prepareStatement(
                "SELECT 1 FROM group_member WHERE group_id = ? AND member_id = ?")) {
      find.setString(1, group);
      find.setString(2, member);
      try (ResultSet rs = find.executeQuery()) {
        return rs.next();
      }
    }
  }
}
