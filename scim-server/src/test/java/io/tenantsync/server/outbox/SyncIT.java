package io.tenantsync.server.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** API.md rule 12 and R4, end to end through the tenant sandbox and the outbox workers. */
class SyncIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  Http op;
  Tenant tenant;
  String skuId;

  @BeforeEach
  void tenantWithProduct() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    skuId =
        op.post(
                "tenants/" + tenant.id() + "/Products",
                "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":50}}")
            .expect(201)
            .json()
            .path("skuId")
            .asText();
  }

  static final String SELECT =
      "$select=id,userPrincipalName,displayName,usageLocation,accountEnabled,assignedLicenses";

  String sandbox(String path) {
    return "/sandbox/" + tenant.id() + "/v1.0/" + path;
  }

  JsonNode awaitSynced(String user) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      last = op.get(tenant.users() + "/" + user).expect(200).json();
      String state = last.path(EXT).path("syncState").asText();
      if (state.equals("synced")) {
        return last;
      }
      assertTrue(!state.equals("failed"), "sync failed: " + last);
      Thread.sleep(100);
    }
    throw new AssertionError("not synced in time: " + last);
  }

  long pendingRows() throws Exception {
    try (Connection c = server.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from outbox where status = 'pending'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aUserCreatedWithALicenseAppearsInTheTenantWithIt() throws Exception {
    String user =
        op.post(
                tenant.users(),
                "{\"userName\":\"alice@"
                    + tenant.domain()
                    + "\",\"displayName\":\"Alice\",\"password\":\"Str0ng-Passw0rd!\","
                    + "\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}],\""
                    + EXT
                    + "\":{\"usageLocation\":\"DE\"}}")
            .expect(201)
            .id();
    JsonNode synced = awaitSynced(user);
    String objectId = synced.path(EXT).path("tenantObjectId").asText();
    assertTrue(!objectId.isEmpty());

    JsonNode account = op.get(sandbox("users/" + objectId + "?" + SELECT)).expect(200).json();
    assertEquals("alice@" + tenant.domain(), account.path("userPrincipalName").asText());
    assertEquals("DE", account.path("usageLocation").asText());
    assertEquals(skuId, account.path("assignedLicenses").get(0).path("skuId").asText());

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")
        .expect(200);
    awaitSynced(user);
    JsonNode blocked =
        op.get(sandbox("users/" + objectId + "?$select=accountEnabled,assignedLicenses")).json();
    assertEquals(false, blocked.path("accountEnabled").asBoolean(true));
    assertEquals(0, blocked.path("assignedLicenses").size());
  }

  @Test
  void r4ReassignmentFindsTheSameAccountAfterItsUpnChangedInTheTenant() throws Exception {
    String body =
        "{\"userName\":\"bob@"
            + tenant.domain()
            + "\",\"externalId\":\"emp-42\",\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}],\""
            + EXT
            + "\":{\"usageLocation\":\"NL\"}}";
    String user = op.post(tenant.users(), body).expect(201).id();
    String objectId = awaitSynced(user).path(EXT).path("tenantObjectId").asText();

    op.patch(
            sandbox("users/" + objectId),
            "{\"userPrincipalName\":\"robert@" + tenant.domain() + "\"}")
        .expect(204);
    op.delete(tenant.users() + "/" + user).expect(204);
    awaitSyncedRetained(user);
    assertEquals(
        0,
        op.get(sandbox("users/" + objectId + "?" + SELECT)).json().path("assignedLicenses").size(),
        "unassigned, not deleted");

    String again = op.post(tenant.users(), body).expect(201).id();
    assertEquals(user, again);
    JsonNode synced = awaitSynced(again);
    assertEquals(objectId, synced.path(EXT).path("tenantObjectId").asText());
    JsonNode accounts = op.get(sandbox("users?" + SELECT)).json().path("value");
    assertEquals(1, accounts.size(), "no second account: " + accounts);
    assertEquals(skuId, accounts.get(0).path("assignedLicenses").get(0).path("skuId").asText());
  }

  private void awaitSyncedRetained(String user) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (pendingRows() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(0, pendingRows(), "outbox not drained");
  }

  @Test
  void changesMadeWhileTheTenantIsDownAreAllAppliedInOrderWhenItReturns() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id =
          op.post(tenant.users(), "{\"userName\":\"u" + i + "@" + tenant.domain() + "\"}")
              .expect(201)
              .id();
      users.add(id);
    }
    for (String user : users) {
      awaitSynced(user);
    }
    String tenantJson = op.get("Tenants/" + tenant.id()).body();
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"down\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"directory\":{\"type\":\"graph\","
                + "\"baseUrl\":\"http://127.0.0.1:9/v1.0\",\"tokenUrl\":\"http://127.0.0.1:9/token\",\"clientId\":\"x\",\"clientSecret\":\"y\"}}")
        .expect(200);
    for (int round = 1; round <= 10; round++) {
      for (String user : users) {
        op.patch(
                tenant.users() + "/" + user,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"v"
                    + round
                    + "\"}]}")
            .expect(200);
      }
    }
    assertTrue(pendingRows() >= 190, "changes wait while the tenant is down");
    assertNotNull(tenantJson);
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"up\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"directory\":{\"type\":\"sandbox\"}}")
        .expect(200);

    long deadline = System.currentTimeMillis() + 120_000;
    while (pendingRows() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(0, pendingRows(), "not all changes applied");
    JsonNode accounts = op.get(sandbox("users?$top=999&" + SELECT)).json().path("value");
    assertEquals(20, accounts.size(), "an account was created twice");
    for (JsonNode account : accounts) {
      assertEquals(
          "v10", account.path("displayName").asText(), "last change wins, in order: " + account);
    }
    try (Connection c = server.database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from outbox a join outbox b on a.user_id = b.user_id"
                    + " and a.sequence < b.sequence and a.updated_at > b.updated_at"
                    + " where a.status = 'done' and b.status = 'done'")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "a later change of a user was applied before an earlier one");
    }
  }
}
