package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md rules 1–7 on license pools, entitlements, deactivation and roles (R3, R7, R8, R11, R14).
 */
class LicensingIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  Http op;
  Tenant tenant;
  String e3;
  String e5;

  @BeforeEach
  void products() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    e3 = product("ENTERPRISEPACK", 2);
    e5 = product("ENTERPRISEPREMIUM", 1);
  }

  String product(String sku, int units) {
    return op.post(
            "tenants/" + tenant.id() + "/Products",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Product"],"skuPartNumber":"%s",
             "displayName":"%s","prepaidUnits":{"enabled":%d},
             "servicePlans":[{"servicePlanName":"TEAMS1","service":"Teams"}]}"""
                .formatted(sku, sku, units))
        .expect(201)
        .id();
  }

  int consumed(String product) {
    return op.get("tenants/" + tenant.id() + "/Products/" + product)
        .expect(200)
        .json()
        .path("consumedUnits")
        .asInt();
  }

  String licensedUser(String local, String... skus) {
    StringBuilder entitlements = new StringBuilder();
    for (String sku : skus) {
      entitlements
          .append(entitlements.isEmpty() ? "" : ",")
          .append("{\"value\":\"")
          .append(sku)
          .append("\"}");
    }
    return op.post(
            tenant.users(),
            """
            {"userName":"%s@%s","entitlements":[%s],"%s":{"usageLocation":"DE"}}"""
                .formatted(local, tenant.domain(), entitlements, EXT))
        .expect(201)
        .id();
  }

  JsonNode patch(String user, String operations) {
    return op.patch(tenant.users() + "/" + user, "{\"Operations\":" + operations + "}")
        .expect(200)
        .json();
  }

  List<String> skus(JsonNode user) {
    List<String> skus = new ArrayList<>();
    user.path("entitlements").forEach(e -> skus.add(e.path("value").asText()));
    return skus;
  }

  long outboxRows() throws Exception {
    try (Connection c = server.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void assigningConsumesAndUnassigningReleases() {
    String user = licensedUser("ann", "ENTERPRISEPACK");
    assertEquals(1, consumed(e3));
    assertEquals(List.of("ENTERPRISEPACK"), skus(op.get(tenant.users() + "/" + user).json()));

    patch(user, "[{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"ENTERPRISEPACK\\\"]\"}]");
    assertEquals(0, consumed(e3));
  }

  @Test
  void exhaustedPoolRefusesTheWholeRequestAndChangesNothing() throws Exception {
    licensedUser("a1", "ENTERPRISEPACK");
    licensedUser("a2", "ENTERPRISEPACK");
    long outbox = outboxRows();
    var refused =
        op.post(
                tenant.users(),
                "{\"userName\":\"a3@"
                    + tenant.domain()
                    + "\",\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}],\""
                    + EXT
                    + "\":{\"usageLocation\":\"DE\"}}")
            .expectError(400, "invalidValue");
    assertTrue(
        refused.json().path("detail").asText().contains("ENTERPRISEPACK"), refused.toString());
    assertEquals(2, consumed(e3));
    assertEquals(outbox, outboxRows(), "a refused request writes no outbox row");
    assertEquals(
        0,
        op.get(tenant.users() + "?filter=userName%20eq%20%22a3@" + tenant.domain() + "%22")
            .json()
            .path("totalResults")
            .asInt());
  }

  /** Users, licenses, roles, pools and the outbox of the tenant, as one comparable string. */
  String stateOfTheTenant() throws Exception {
    String t = tenant.id();
    String[] queries = {
      "select id, user_name, active, version, last_modified from scim_user where tenant_id = '"
          + t
          + "' order by id",
      "select user_id, product_id, suspended from user_license where tenant_id = '"
          + t
          + "' order by user_id, product_id",
      "select user_id, role from user_role where tenant_id = '" + t + "' order by user_id, role",
      "select id, consumed_units, version from product where tenant_id = '" + t + "' order by id",
      "select id, user_id, sequence from outbox where tenant_id = '" + t + "' order by id"
    };
    StringBuilder state = new StringBuilder();
    try (Connection c = server.database.connect();
        Statement s = c.createStatement()) {
      for (String query : queries) {
        try (ResultSet rs = s.executeQuery(query)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              state.append(rs.getString(i)).append('|');
            }
            state.append('\n');
          }
        }
        state.append("--\n");
      }
    }
    return state.toString();
  }

  @Test
  void refusedRequestsLeaveUsersPoolsAndTheOutboxExactlyAsTheyWere() throws Exception {
    String user = licensedUser("keep", "ENTERPRISEPACK");
    String before = stateOfTheTenant();

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\","
                + "\"value\":[{\"value\":\"ENTERPRISEPREMIUM\"}]},"
                + "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"KingOfTheTenant\"}]}]}")
        .expectError(400, "invalidValue");
    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\","
                + "\"value\":[{\"value\":\"ENTERPRISEPREMIUM\"}]},"
                + "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"keep@not-ours.example\"}]}")
        .expectError(400, "invalidValue");
    op.post(
            tenant.users(),
            "{\"userName\":\"new@not-ours.example\",\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}],\""
                + EXT
                + "\":{\"usageLocation\":\"DE\"}}")
        .expectError(400, "invalidValue");

    assertEquals(before, stateOfTheTenant());
    assertEquals(1, consumed(e3));
    assertEquals(0, consumed(e5));
  }

  @Test
  void aLicenseNeedsAUsageLocationAndAKnownProduct() {
    op.post(
            tenant.users(),
            "{\"userName\":\"b@"
                + tenant.domain()
                + "\",\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}]}")
        .expectError(400, "invalidValue");
    op.post(
            tenant.users(),
            "{\"userName\":\"b@"
                + tenant.domain()
                + "\",\"entitlements\":[{\"value\":\"NOPE\"}],\""
                + EXT
                + "\":{\"usageLocation\":\"DE\"}}")
        .expectError(400, "invalidValue");
    assertEquals(0, consumed(e3));
  }

  @Test
  void upgradeMovesAtomicallyAndARefusedUpgradeKeepsTheOldLicense() {
    String first = licensedUser("c1", "ENTERPRISEPACK");
    JsonNode moved =
        patch(
            first,
            "[{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"ENTERPRISEPACK\\\"]\"},"
                + "{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"ENTERPRISEPREMIUM\"}]}]");
    assertEquals(List.of("ENTERPRISEPREMIUM"), skus(moved));
    assertEquals(0, consumed(e3));
    assertEquals(1, consumed(e5));

    String second = licensedUser("c2", "ENTERPRISEPACK");
    op.patch(
            tenant.users() + "/" + second,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"entitlements\",\"value\":[{\"value\":\"ENTERPRISEPREMIUM\"}]}]}")
        .expectError(400, "invalidValue");
    assertEquals(List.of("ENTERPRISEPACK"), skus(op.get(tenant.users() + "/" + second).json()));
    assertEquals(1, consumed(e3));
    assertEquals(1, consumed(e5));
  }

  @Test
  void deactivationReleasesAndRemembersReactivationRestores() {
    String user = licensedUser("d", "ENTERPRISEPACK", "ENTERPRISEPREMIUM");
    JsonNode inactive =
        patch(user, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
    assertFalse(inactive.path("active").asBoolean(true));
    assertEquals(0, consumed(e3));
    assertEquals(0, consumed(e5));
    assertEquals(List.of("ENTERPRISEPACK", "ENTERPRISEPREMIUM"), skus(inactive), "remembered");

    JsonNode active = patch(user, "[{\"op\":\"replace\",\"value\":{\"active\":true}}]");
    assertTrue(active.path("active").asBoolean(false));
    assertEquals(1, consumed(e3));
    assertEquals(1, consumed(e5));
  }

  @Test
  void aPutWithoutActiveOrAPatchRemovingItNeitherDeactivatesNorReactivates() {
    String user = licensedUser("pa", "ENTERPRISEPACK");
    patch(user, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
    JsonNode replaced =
        op.put(
                tenant.users() + "/" + user,
                """
                {"userName":"pa@%s","displayName":"P A","entitlements":[{"value":"ENTERPRISEPACK"}],
                 "%s":{"usageLocation":"DE"}}"""
                    .formatted(tenant.domain(), EXT))
            .expect(200)
            .json();
    assertFalse(replaced.path("active").asBoolean(true), "still inactive after a PUT without it");
    assertEquals(0, consumed(e3), "and its license still released");
    JsonNode removed = patch(user, "[{\"op\":\"remove\",\"path\":\"active\"}]");
    assertFalse(removed.path("active").asBoolean(true));
    assertEquals(0, consumed(e3));

    String other = licensedUser("pb", "ENTERPRISEPACK");
    op.put(
            tenant.users() + "/" + other,
            """
            {"userName":"pb@%s","entitlements":[{"value":"ENTERPRISEPACK"}],
             "%s":{"usageLocation":"DE"}}"""
                .formatted(tenant.domain(), EXT))
        .expect(200);
    assertTrue(op.get(tenant.users() + "/" + other).json().path("active").asBoolean(false));
    assertEquals(1, consumed(e3), "an active user stays active and licensed");
  }

  @Test
  void reactivationIsRefusedWholeWhenAPoolIsFull() {
    String user = licensedUser("e", "ENTERPRISEPACK", "ENTERPRISEPREMIUM");
    patch(user, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
    licensedUser("f", "ENTERPRISEPREMIUM");

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}")
        .expectError(400, "invalidValue");
    assertFalse(op.get(tenant.users() + "/" + user).json().path("active").asBoolean(true));
    assertEquals(0, consumed(e3), "nothing restored, not even the product with room");
    assertEquals(1, consumed(e5));
  }

  @Test
  void blockOnlyDeactivationKeepsTheLicenses() {
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"t\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"deactivationMode\":\"blockOnly\"}")
        .expect(200);
    String user = licensedUser("g", "ENTERPRISEPACK");
    patch(user, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
    assertEquals(1, consumed(e3));
  }

  @Test
  void deleteReleasesAndRePostRelinksWithTheRequestedLicenses() {
    String user = licensedUser("h", "ENTERPRISEPACK");
    op.delete(tenant.users() + "/" + user).expect(204);
    assertEquals(0, consumed(e3));
    String again = licensedUser("h", "ENTERPRISEPREMIUM");
    assertEquals(user, again);
    assertEquals(0, consumed(e3));
    assertEquals(1, consumed(e5));
  }

  @Test
  void adminRolesNeedAnAlternateEmailAndConsumeNothing() {
    op.post(
            tenant.users(),
            "{\"userName\":\"i@"
                + tenant.domain()
                + "\",\"roles\":[{\"value\":\"GlobalAdministrator\"}]}")
        .expectError(400, "invalidValue");
    op.post(
            tenant.users(),
            "{\"userName\":\"i@"
                + tenant.domain()
                + "\",\"roles\":[{\"value\":\"Overlord\"}],\""
                + EXT
                + "\":{\"alternateEmail\":\"i@example.com\"}}")
        .expectError(400, "invalidValue");
    JsonNode admin =
        op.post(
                tenant.users(),
                "{\"userName\":\"i@"
                    + tenant.domain()
                    + "\",\"roles\":[{\"value\":\"globaladministrator\"}],\""
                    + EXT
                    + "\":{\"alternateEmail\":\"i@example.com\"}}")
            .expect(201)
            .json();
    assertEquals("GlobalAdministrator", admin.path("roles").get(0).path("value").asText());
    assertEquals(0, consumed(e3));
    assertEquals(0, consumed(e5));
  }

  @Test
  void productPoolsCannotShrinkBelowWhatIsAssignedNorBeRemovedWhileAssigned() {
    licensedUser("j", "ENTERPRISEPACK");
    licensedUser("k", "ENTERPRISEPACK");
    op.put(
            "tenants/" + tenant.id() + "/Products/" + e3,
            "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":1}}")
        .expectError(400, "invalidValue");
    op.delete("tenants/" + tenant.id() + "/Products/" + e3).expectError(409, "uniqueness");
    JsonNode grown =
        op.put(
                "tenants/" + tenant.id() + "/Products/" + e3,
                "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":5},\"consumedUnits\":0}")
            .expect(200)
            .json();
    assertEquals(5, grown.path("prepaidUnits").path("enabled").asInt());
    assertEquals(2, grown.path("consumedUnits").asInt(), "consumedUnits is read-only");
    op.post(
            "tenants/" + tenant.id() + "/Products",
            "{\"skuPartNumber\":\"enterprisepack\",\"prepaidUnits\":{\"enabled\":1}}")
        .expectError(409, "uniqueness");
  }

  @Test
  void everyChangeWritesAnOutboxRowAndPasswordsAreNeverStoredPlainOrReturned() throws Exception {
    long before = outboxRows();
    var created =
        op.post(
                tenant.users(),
                "{\"userName\":\"p@" + tenant.domain() + "\",\"password\":\"S3cret-Passw0rd!\"}")
            .expect(201);
    assertFalse(created.body().contains("S3cret"), "password returned");
    assertFalse(op.get(tenant.users() + "/" + created.id()).body().contains("S3cret"));
    patch(created.id(), "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"P\"}]");
    assertEquals(before + 2, outboxRows());
    try (Connection c = server.database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select payload from outbox union all select attributes from scim_user")) {
      while (rs.next()) {
        assertFalse(rs.getString(1).contains("S3cret-Passw0rd!"), "password stored in plain text");
      }
    }
  }
}
