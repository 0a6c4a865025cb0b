package io.tenantsync.server.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox's failure rules (RetryPolicy) end to end: a change the directory refuses fails at once
 * with the directory's reason and holds nothing up; a tenant whose directory is down backs off as a
 * whole, keeps its changes pending, and slows no other tenant.
 */
class OutboxRetryIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  Http op;
  Tenant tenant;

  @BeforeEach
  void tenantWithProduct() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    op.post(
            "tenants/" + tenant.id() + "/Products",
            "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":50}}")
        .expect(201);
  }

  @Test
  void aChangeTheDirectoryRefusesFailsAtOnceWithItsReasonAndBlocksNothing() throws Exception {
    sql("update sandbox_sku set prepaid_enabled = 0 where tenant_id = ?", tenant.id());
    String refused = createUser("ann", true);
    JsonNode ann = awaitUser(tenant, refused, u -> state(u).equals("failed"));
    String error = ann.path(EXT).path("syncError").asText();
    assertTrue(error.contains("has no more available licenses"), error);
    assertTrue(error.contains("HTTP 400"), "the directory's own answer: " + error);
    assertEquals(1L, scalar("select attempts from outbox where user_id = ?", refused));
    assertEquals(
        0L,
        scalar(
            "select count(*) from tenant_sync where tenant_id = ? and consecutive_failures > 0",
            tenant.id()),
        "the tenant is not paused for one refused change");

    String fine = createUser("ben", false);
    awaitUser(tenant, fine, u -> state(u).equals("synced"));

    assertEquals(List.of(refused), filtered(EXT + ":syncState eq \"failed\""));
    assertEquals(List.of(fine), filtered(EXT + ":syncState eq \"synced\""));
    assertEquals(List.of(refused), filtered(EXT + ":syncError co \"AVAILABLE LICENSES\""));
    assertEquals(List.of(fine), filtered("not (" + EXT + ":syncError pr)"));
    assertEquals(List.of(), sealedPasswords(), "no sealed password stays in a done or failed row");
  }

  @Test
  void theStateIsPendingWhileAChangeWaitsAndSyncedOnlyWhenTheLastOneIsApplied() throws Exception {
    String eve = createUser("eve", false);
    awaitUser(tenant, eve, u -> state(u).equals("synced"));
    sql("update sandbox_sku set prepaid_enabled = 0 where tenant_id = ?", tenant.id());
    op.patch(
            tenant.users() + "/" + eve,
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\","
                + "\"value\":[{\"value\":\"ENTERPRISEPACK\"}]}]}")
        .expect(200);
    awaitUser(tenant, eve, u -> state(u).equals("failed"));
    op.patch(
            tenant.users() + "/" + eve,
            "{\"Operations\":[{\"op\":\"remove\",\"path\":\"entitlements\"},"
                + "{\"op\":\"replace\",\"path\":\"password\",\"value\":\"N3w-Passw0rd!x\"}]}")
        .expect(200);
    JsonNode again = awaitUser(tenant, eve, u -> !state(u).equals("pending"));
    assertEquals("synced", state(again), "the later change supersedes the refused one: " + again);
    assertTrue(!again.path(EXT).has("syncError"), again.toString());
    assertEquals(List.of(), sealedPasswords(), "the delivered password is gone from the outbox");
  }

  List<String> filtered(String filter) {
    List<String> ids = new ArrayList<>();
    op.get(tenant.users() + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
        .expect(200)
        .json()
        .path("Resources")
        .forEach(u -> ids.add(u.path("id").asText()));
    return ids;
  }

  /** Outbox rows of the tenant, done or failed, whose payload still holds a sealed password. */
  List<String> sealedPasswords() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = server.database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select id, payload from outbox where tenant_id = ? and status <> 'pending'")) {
      s.setString(1, tenant.id());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String payload = rs.getString(2);
          assertTrue(payload.contains("\"sealedPassword\""), payload);
          if (!payload.contains("\"sealedPassword\":null")) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    return rows;
  }

  @Test
  void aTenantWhoseDirectoryIsDownBacksOffAsAWholeWithoutSlowingOthers() throws Exception {
    Tenant healthy = server.fixtures().tenant();
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"down\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"directory\":{\"type\":\"graph\",\"baseUrl\":\"http://127.0.0.1:9/v1.0\","
                + "\"tokenUrl\":\"http://127.0.0.1:9/token\",\"clientId\":\"x\","
                + "\"clientSecret\":\"y\"}}")
        .expect(200);
    String waiting = createUser("cat", false);
    long start = System.currentTimeMillis();
    String other =
        op.post(healthy.users(), "{\"userName\":\"dan@" + healthy.domain() + "\"}")
            .expect(201)
            .id();
    awaitUser(healthy, other, u -> state(u).equals("synced"));

    Thread.sleep(Math.max(0, 8_000 - (System.currentTimeMillis() - start)));
    long attempts = scalar("select attempts from outbox where user_id = ?", waiting);
    long failures =
        scalar("select consecutive_failures from tenant_sync where tenant_id = ?", tenant.id());
    assertTrue(attempts >= 2 && attempts <= 6, "backed off, not hammered: " + attempts);
    assertEquals(attempts, failures, "the back-off follows the tenant's consecutive failures");
    assertTrue(
        scalar("select paused_until from tenant_sync where tenant_id = ?", tenant.id())
            > System.currentTimeMillis() - 1_000);
    JsonNode cat = op.get(tenant.users() + "/" + waiting).expect(200).json();
    assertEquals("pending", state(cat), "a retryable failure never ends the row by its count");
    assertTrue(!cat.path(EXT).path("syncError").asText().isEmpty(), cat.toString());

    long longAgo =
        System.currentTimeMillis()
            - RetryPolicy.RETRY_WINDOW.toMillis()
            - Duration.ofHours(1).toMillis();
    sql(
        "update outbox set created_at = " + longAgo + ", next_attempt_at = 0 where user_id = ?",
        waiting);
    sql("update tenant_sync set paused_until = 0 where tenant_id = ?", tenant.id());
    JsonNode gaveUp = awaitUser(tenant, waiting, u -> state(u).equals("failed"));
    assertTrue(!gaveUp.path(EXT).path("syncError").asText().isEmpty());
    assertEquals(
        "failed", string("select status from outbox where user_id = ?", waiting), "after 72 h");
  }

  // --- helpers

  String createUser(String local, boolean licensed) {
    return op.post(
            tenant.users(),
            "{\"userName\":\""
                + local
                + "@"
                + tenant.domain()
                + "\""
                + (licensed ? ",\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}]" : "")
                + ",\"password\":\"Str0ng-Passw0rd!\""
                + ",\""
                + EXT
                + "\":{\"usageLocation\":\"DE\"}}")
        .expect(201)
        .id();
  }

  static String state(JsonNode user) {
    return user.path(EXT).path("syncState").asText();
  }

  JsonNode awaitUser(Tenant in, String id, Predicate<JsonNode> done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      last = op.get(in.users() + "/" + id).expect(200).json();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not there in time: " + last);
  }

  void sql(String statement, String parameter) throws SQLException {
    try (Connection c = server.database.connect();
        PreparedStatement s = c.prepareStatement(statement)) {
      s.setString(1, parameter);
      s.executeUpdate();
    }
  }

  long scalar(String query, String parameter) throws SQLException {
    return Long.parseLong(string(query, parameter));
  }

  String string(String query, String parameter) throws SQLException {
    try (Connection c = server.database.connect();
        PreparedStatement s = c.prepareStatement(query)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), query);
        return rs.getString(1);
      }
    }
  }
}
