package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import io.tenantsync.server.users.DeletedUserPurge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** R6, R20: real delete (reverting a custom-domain name first) and restore within 30 days. */
class DeletedUsersIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  @Test
  void deleteRevertsCustomDomainNameReleasesLicensesAndRestoreBringsItBack() {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    String custom = tenant.domain().replace(".onmicrosoft.com", ".example.com");
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"t\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"domains\":[{\"value\":\""
                + custom
                + "\",\"verified\":true}]}")
        .expect(200);
    String product =
        op.post(
                "tenants/" + tenant.id() + "/Products",
                "{\"skuPartNumber\":\"O365_BUSINESS\",\"prepaidUnits\":{\"enabled\":3}}")
            .expect(201)
            .id();
    String user =
        op.post(
                tenant.users(),
                "{\"userName\":\"geoff@"
                    + custom
                    + "\",\"entitlements\":[{\"value\":\"O365_BUSINESS\"}],\""
                    + EXT
                    + "\":{\"usageLocation\":\"FR\"}}")
            .expect(201)
            .id();

    JsonNode deleted =
        op.post("tenants/" + tenant.id() + "/DeletedUsers", "{\"user\":\"" + user + "\"}")
            .expect(201)
            .json();
    assertEquals("geoff@" + tenant.domain(), deleted.path("userName").asText());
    assertEquals("geoff@" + custom, deleted.path("formerUserName").asText());
    assertEquals(
        0,
        op.get("tenants/" + tenant.id() + "/Products/" + product)
            .json()
            .path("consumedUnits")
            .asInt());
    op.get(tenant.users() + "/" + user).expectError(404, null);
    assertEquals(
        1, op.get("tenants/" + tenant.id() + "/DeletedUsers").json().path("totalResults").asInt());

    JsonNode restored =
        op.post("tenants/" + tenant.id() + "/DeletedUsers/" + user + "/restore", null)
            .expect(200)
            .json();
    assertEquals(user, restored.path("id").asText());
    assertEquals("geoff@" + tenant.domain(), restored.path("userName").asText());
    op.get(tenant.users() + "/" + user).expect(200);
    op.post("tenants/" + tenant.id() + "/DeletedUsers/" + user + "/restore", null)
        .expectError(404, null);
  }

  @Test
  void onlyFullRightsDeleteAndUnknownUsersAreRefused() {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    op.post("tenants/" + tenant.id() + "/DeletedUsers", "{\"user\":\"nobody\"}")
        .expectError(400, "invalidValue");
    op.post("tenants/" + tenant.id() + "/DeletedUsers", "{}").expectError(400, "invalidValue");
    op.post("tenants/" + tenant.id() + "/DeletedUsers/nobody/restore", null).expectError(404, null);
  }

  @Test
  void r16InitialNameReservation() {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    String custom = tenant.domain().replace(".onmicrosoft.com", ".example.com");
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"t\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"domains\":[{\"value\":\""
                + custom
                + "\",\"verified\":true}]}")
        .expect(200);
    // geoff@initial first, geoff@custom after it: allowed (the later one reserves geoff1@initial).
    op.post(tenant.users(), "{\"userName\":\"geoff@" + tenant.domain() + "\"}").expect(201);
    JsonNode second =
        op.post(tenant.users(), "{\"userName\":\"geoff@" + custom + "\"}").expect(201).json();
    assertEquals("geoff1@" + tenant.domain(), second.path(EXT).path("initialUserName").asText());
    // Never the other way round: ann@custom reserves ann@initial.
    op.post(tenant.users(), "{\"userName\":\"ann@" + custom + "\"}").expect(201);
    op.post(tenant.users(), "{\"userName\":\"ANN@" + tenant.domain() + "\"}")
        .expectError(409, "uniqueness");
    // Unverified domains are not usable.
    op.post(tenant.users(), "{\"userName\":\"x@unverified.example.org\"}")
        .expectError(400, "invalidValue");
  }

  long count(String sql, String id) throws Exception {
    try (Connection c = server.database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (id != null) {
        s.setString(1, id);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  DeletedUserPurge purgeAt(Duration later) {
    return new DeletedUserPurge(server.server().database(), Clock.offset(Clock.systemUTC(), later));
  }

  @Test
  void deletedUsersArePurgedAfterThirtyDaysAndTheirNamesFreed() throws Exception {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    String custom = tenant.domain().replace(".onmicrosoft.com", ".example.com");
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"t\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"domains\":[{\"value\":\""
                + custom
                + "\",\"verified\":true}]}")
        .expect(200);
    String product =
        op.post(
                "tenants/" + tenant.id() + "/Products",
                "{\"skuPartNumber\":\"O365_BUSINESS\",\"prepaidUnits\":{\"enabled\":3}}")
            .expect(201)
            .id();
    String geoff =
        op.post(
                tenant.users(),
                "{\"userName\":\"geoff@"
                    + custom
                    + "\",\"entitlements\":[{\"value\":\"O365_BUSINESS\"}],\""
                    + EXT
                    + "\":{\"usageLocation\":\"FR\"}}")
            .expect(201)
            .id();
    String carl = server.fixtures().user(op, tenant, "carl");
    op.post("tenants/" + tenant.id() + "/DeletedUsers", "{\"user\":\"" + geoff + "\"}").expect(201);
    op.delete(tenant.users() + "/" + carl).expect(204); // retained, not deleted: never purged
    long deadline = System.currentTimeMillis() + 60_000;
    while (count("select count(*) from outbox where status = 'pending'", null) > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }

    assertEquals(0, purgeAt(Duration.ofDays(29)).purgeExpired());
    op.get("tenants/" + tenant.id() + "/DeletedUsers/" + geoff).expect(200);

    assertEquals(1, purgeAt(Duration.ofDays(30).plusMinutes(1)).purgeExpired());
    assertEquals(0, count("select count(*) from scim_user where id = ?", geoff));
    assertEquals(0, count("select count(*) from user_name_reservation where user_id = ?", geoff));
    assertEquals(1, count("select count(*) from scim_user where id = ?", carl));
    op.get("tenants/" + tenant.id() + "/DeletedUsers/" + geoff).expectError(404, null);
    op.post("tenants/" + tenant.id() + "/DeletedUsers/" + geoff + "/restore", null)
        .expectError(404, null);
    JsonNode again =
        op.post(tenant.users(), "{\"userName\":\"geoff@" + tenant.domain() + "\"}")
            .expect(201)
            .json();
    assertEquals("geoff@" + tenant.domain(), again.path(EXT).path("initialUserName").asText());
    assertEquals(
        0,
        op.get("tenants/" + tenant.id() + "/Products/" + product)
            .json()
            .path("consumedUnits")
            .asInt());
  }
}
