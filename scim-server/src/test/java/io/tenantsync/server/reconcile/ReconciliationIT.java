package io.tenantsync.server.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reconciliation end to end through the tenant sandbox (issue 5, API.md rule 8): accounts made
 * directly in the tenant become unmanaged Users, drift is recorded or repaired, deletions in the
 * tenant are noticed, and the run's counts say what happened.
 */
class ReconciliationIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  Http op;
  Tenant tenant;
  String skuId;
  String product;

  @BeforeEach
  void tenantWithProduct() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    JsonNode created =
        op.post(
                "tenants/" + tenant.id() + "/Products",
                "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":5}}")
            .expect(201)
            .json();
    skuId = created.path("skuId").asText();
    product = created.path("id").asText();
  }

  @Test
  void anAccountCreatedInTheTenantBecomesAnUnmanagedUserThatOnlyAdoptionChanges() throws Exception {
    String objectId = sandboxAccount("carol", true);
    op.post(
            sandbox("users/" + objectId + "/assignLicense"),
            "{\"addLicenses\":[{\"skuId\":\"" + skuId + "\"}],\"removeLicenses\":[]}")
        .expect(200);

    JsonNode run = reconcile("full");
    assertEquals("completed", run.path("status").asText(), run.toString());
    assertEquals("full", run.path("mode").asText());
    assertEquals(1, run.path("unmanaged").asLong(), run.toString());
    assertEquals(1, run.path("scanned").asLong());

    JsonNode list =
        op.get(tenant.users() + "?filter=" + encode(EXT + ":managed eq false")).expect(200).json();
    assertEquals(1, list.path("totalResults").asInt(), list.toString());
    JsonNode carol = list.path("Resources").get(0);
    assertEquals("carol@" + tenant.domain(), carol.path("userName").asText());
    assertEquals("tenant", carol.path(EXT).path("source").asText());
    assertEquals(objectId, carol.path(EXT).path("tenantObjectId").asText());
    assertEquals("ENTERPRISEPACK", carol.path("entitlements").get(0).path("value").asText());
    assertEquals(1, consumed(), "the tenant's license is counted in the pool");

    String user = carol.path("id").asText();
    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"C\"}]}")
        .expectError(403, null);
    op.delete(tenant.users() + "/" + user).expectError(403, null);

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\""
                + EXT
                + ":managed\",\"value\":true}]}")
        .expect(200);
    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Carol\"}]}")
        .expect(200);

    JsonNode again = reconcile("delta");
    assertEquals("completed", again.path("status").asText(), again.toString());
    assertEquals(0, again.path("unmanaged").asLong(), "adopted: managed now");
    assertEquals(
        0,
        op.get(tenant.users() + "?filter=" + encode(EXT + ":managed eq false"))
            .json()
            .path("totalResults")
            .asInt());
  }

  @Test
  void aDirectorySyncedAccountIsUnmanagedWithSourceDirectorySync() throws Exception {
    op.send(
            "POST",
            sandbox("users"),
            "{\"accountEnabled\":true,\"displayName\":\"Dave\",\"mailNickname\":\"dave\","
                + "\"onPremisesSyncEnabled\":true,\"userPrincipalName\":\"dave@"
                + tenant.domain()
                + "\",\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"}}",
            JSON)
        .expect(201);
    reconcile("full");
    JsonNode list =
        op.get(tenant.users() + "?filter=" + encode(EXT + ":source eq \"directorySync\""))
            .expect(200)
            .json();
    assertEquals(1, list.path("totalResults").asInt(), list.toString());
  }

  @Test
  void driftIsReportedAndUnmanagedAccountsThatLeaveTheTenantLeaveTheirUsers() throws Exception {
    String user = managedUser("erin");
    String objectId = syncedObjectId(user);
    op.post(
            sandbox("users/" + objectId + "/assignLicense"),
            "{\"addLicenses\":[],\"removeLicenses\":[\"" + skuId + "\"]}")
        .expect(200);
    op.patch(sandbox("users/" + objectId), "{\"accountEnabled\":false}").expect(204);
    String stray = sandboxAccount("frank", true);

    JsonNode first = reconcile("full");
    assertEquals(1, first.path("drifted").asLong(), first.toString());
    assertEquals(1, first.path("unmanaged").asLong());
    List<String> kinds = kinds(first);
    assertTrue(kinds.contains("licenses") && kinds.contains("signIn"), kinds.toString());
    assertFalse(first.path("findings").get(0).path("repaired").asBoolean(true), "report only");
    assertEquals(0, sandboxLicenses(objectId), "driftMode report leaves the tenant as it found it");

    op.delete(sandbox("users/" + stray)).expect(204);
    op.delete(sandbox("users/" + objectId)).expect(204);
    JsonNode second = reconcile("delta");
    assertEquals("delta", second.path("mode").asText(), second.toString());
    assertEquals(1, second.path("missing").asLong(), second.toString());
    assertTrue(kinds(second).contains("deletedInTenant"), second.toString());
    JsonNode erin = op.get(tenant.users() + "/" + user).expect(200).json();
    assertEquals("failed", erin.path(EXT).path("syncState").asText());
    assertTrue(erin.path(EXT).path("syncError").asText().contains("deleted in the tenant"));
    assertEquals(
        0,
        op.get(tenant.users() + "?filter=" + encode(EXT + ":managed eq false"))
            .json()
            .path("totalResults")
            .asInt(),
        "the stray account's User left with it");
  }

  @Test
  void underDriftModeRepairTheOutboxBringsTheAccountBack() throws Exception {
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"t\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"driftMode\":\"repair\"}")
        .expect(200);
    String user = managedUser("gina");
    String objectId = syncedObjectId(user);
    op.post(
            sandbox("users/" + objectId + "/assignLicense"),
            "{\"addLicenses\":[],\"removeLicenses\":[\"" + skuId + "\"]}")
        .expect(200);

    JsonNode run = reconcile("full");
    assertEquals(1, run.path("drifted").asLong(), run.toString());
    assertTrue(run.path("findings").get(0).path("repaired").asBoolean(), run.toString());
    syncedObjectId(user);
    assertEquals(1, sandboxLicenses(objectId), "the license is back in the tenant");
  }

  @Test
  void requestsAreCheckedAndRunsListed() {
    op.post("tenants/" + tenant.id() + "/Reconciliations", "{\"mode\":\"sideways\"}")
        .expectError(400, "invalidValue");
    op.get("tenants/" + tenant.id() + "/Reconciliations/nope").expectError(404, null);
    String tenantToken = server.fixtures().token("tenant", tenant.id());
    JsonNode created =
        server
            .as(tenantToken)
            .post("tenants/" + tenant.id() + "/Reconciliations", "{}")
            .expect(201)
            .json();
    assertEquals("request", created.path("trigger").asText());
    Tenant other = server.fixtures().tenant();
    server
        .as(tenantToken)
        .post("tenants/" + other.id() + "/Reconciliations", "{}")
        .expectError(404, null);
    JsonNode list = op.get("tenants/" + tenant.id() + "/Reconciliations").expect(200).json();
    assertEquals(1, list.path("totalResults").asInt());
  }

  @Test
  void aFullListingFindsAccountsThatLeftTheTenantAndTheOnesThatCameBack() throws Exception {
    String stray = sandboxAccount("hank", true);
    op.post(
            sandbox("users/" + stray + "/assignLicense"),
            "{\"addLicenses\":[{\"skuId\":\"" + skuId + "\"}],\"removeLicenses\":[]}")
        .expect(200);
    String user = managedUser("ivy");
    String objectId = syncedObjectId(user);
    assertEquals(1, reconcile("full").path("unmanaged").asLong());
    assertEquals(2, consumed());

    op.delete(sandbox("users/" + stray)).expect(204);
    op.delete(sandbox("users/" + objectId)).expect(204);
    JsonNode gone = reconcile("full");
    assertEquals("full", gone.path("mode").asText());
    assertEquals(1, gone.path("missing").asLong(), gone.toString());
    assertTrue(kinds(gone).contains("deletedInTenant"), gone.toString());
    assertEquals(
        0,
        op.get(tenant.users() + "?filter=" + encode(EXT + ":managed eq false"))
            .json()
            .path("totalResults")
            .asInt(),
        "a full listing without the account drops its unmanaged User");
    assertEquals(1, consumed(), "and releases its license");
    assertEquals(
        "failed", op.get(tenant.users() + "/" + user).json().path(EXT).path("syncState").asText());
    assertEquals(
        0, reconcile("full").path("missing").asLong(), "a deletion is reported once, not per run");

    op.post(sandbox("directory/deletedItems/" + objectId + "/restore"), "{}").expect(200);
    JsonNode back = reconcile("delta");
    assertTrue(kinds(back).contains("restoredInTenant"), back.toString());
    JsonNode ivy = op.get(tenant.users() + "/" + user).expect(200).json();
    assertEquals("synced", ivy.path(EXT).path("syncState").asText(), ivy.toString());
    assertFalse(ivy.path(EXT).has("syncError"), ivy.toString());
    assertEquals(objectId, ivy.path(EXT).path("tenantObjectId").asText());
  }

  @Test
  void aStoredDeltaPositionIsUsedOnlyAgainstTheDirectoryItCameFrom() throws Exception {
    sandboxAccount("nina", true);
    assertEquals("full", reconcile("full").path("mode").asText());
    assertEquals("delta", reconcile("delta").path("mode").asText(), "same directory: delta");

    sql(
        "update tenant_sync set delta_directory = 'graph https://graph.microsoft.com/v1.0"
            + " https://login.microsoftonline.com/x/oauth2/v2.0/token app' where tenant_id = ?");
    JsonNode moved = reconcile("delta");
    assertEquals("completed", moved.path("status").asText(), moved.toString());
    assertEquals("full", moved.path("mode").asText(), "a position of another directory is dropped");
    assertEquals("delta", reconcile("delta").path("mode").asText());

    sql(
        "update tenant_sync set delta_link = 'http://127.0.0.1:9/sandbox/x/v1.0/users/delta"
            + "?$deltatoken=abc' where tenant_id = ?");
    JsonNode elsewhere = reconcile("delta");
    assertEquals("completed", elsewhere.path("status").asText(), elsewhere.toString());
    assertEquals("full", elsewhere.path("mode").asText(), "a link of another origin is dropped");
  }

  @Test
  void theLinkFollowsTheObjectIdNeverTheUpn() throws Exception {
    String judy = managedUser("judy");
    String judyAccount = syncedObjectId(judy);
    op.patch(
            sandbox("users/" + judyAccount),
            "{\"userPrincipalName\":\"judy.old@" + tenant.domain() + "\"}")
        .expect(204);
    String impostor = sandboxAccount("judy", true);

    String kim = managedUser("kim");
    String kimAccount = syncedObjectId(kim);
    op.patch(
            tenant.users() + "/" + kim,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"kim2@"
                + tenant.domain()
                + "\"}]}")
        .expect(200);
    syncedObjectId(kim);
    String newcomer = sandboxAccount("kim", true);

    JsonNode run = reconcile("full");
    assertTrue(kinds(run).contains("upnChanged"), run.toString());
    assertTrue(kinds(run).contains("conflict"), "the impostor takes nobody's place: " + run);
    assertEquals(
        judyAccount,
        op.get(tenant.users() + "/" + judy).json().path(EXT).path("tenantObjectId").asText());
    assertEquals(
        kimAccount,
        op.get(tenant.users() + "/" + kim).json().path(EXT).path("tenantObjectId").asText());
    // kim@ stays reserved for kim as its initialUserName (R16): the account now bearing that name
    // in the tenant becomes a conflict to resolve, not an unmanaged user holding kim's name.
    JsonNode unmanaged =
        op.get(tenant.users() + "?filter=" + encode(EXT + ":managed eq false")).json();
    assertEquals(0, unmanaged.path("totalResults").asInt(), unmanaged.toString());
    boolean newcomerIsAConflict = false;
    for (JsonNode finding : run.path("findings")) {
      newcomerIsAConflict |=
          finding.path("kind").asText().equals("conflict")
              && finding.path("tenantObjectId").asText().equals(newcomer)
              && finding.path("detail").asText().contains(kim);
    }
    assertTrue(newcomerIsAConflict, run.toString());
    assertEquals(
        0,
        op.get(
                tenant.users()
                    + "?filter="
                    + encode(EXT + ":tenantObjectId eq \"" + impostor + "\""))
            .json()
            .path("totalResults")
            .asInt(),
        "the account holding judy's old UPN is linked to no user");
  }

  @Test
  void aNewUserIsNeverLinkedByNameToAnAccountLinkedToAnotherUser() throws Exception {
    String lou = sandboxAccount("lou", true);
    reconcile("full");
    op.patch(sandbox("users/" + lou), "{\"userPrincipalName\":\"max@" + tenant.domain() + "\"}")
        .expect(204);
    String max =
        op.post(tenant.users(), "{\"userName\":\"max@" + tenant.domain() + "\"}").expect(201).id();
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode user = op.get(tenant.users() + "/" + max).json();
    while (!user.path(EXT).path("syncState").asText().equals("failed")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      user = op.get(tenant.users() + "/" + max).json();
    }
    assertEquals("failed", user.path(EXT).path("syncState").asText(), user.toString());
    assertTrue(
        user.path(EXT).path("syncError").asText().contains("linked to another user"),
        user.toString());
    assertFalse(user.path(EXT).has("tenantObjectId"), "not linked to lou's account: " + user);
    assertEquals(
        "lou",
        op.get(sandbox("users/" + lou + "?$select=displayName"))
            .json()
            .path("displayName")
            .asText());
  }

  // --- helpers

  void sql(String update) throws Exception {
    try (Connection c = server.database.connect();
        java.sql.PreparedStatement s = c.prepareStatement(update)) {
      s.setString(1, tenant.id());
      assertEquals(1, s.executeUpdate(), update);
    }
  }

  String sandbox(String path) {
    return "/sandbox/" + tenant.id() + "/v1.0/" + path;
  }

  static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  /** Creates an account directly in the tenant; returns its object id. */
  String sandboxAccount(String local, boolean enabled) {
    return op.send(
            "POST",
            sandbox("users"),
            "{\"accountEnabled\":"
                + enabled
                + ",\"displayName\":\""
                + local
                + "\",\"mailNickname\":\""
                + local
                + "\",\"usageLocation\":\"DE\",\"userPrincipalName\":\""
                + local
                + "@"
                + tenant.domain()
                + "\",\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"}}",
            JSON)
        .expect(201)
        .json()
        .path("id")
        .asText();
  }

  String managedUser(String local) {
    return op.post(
            tenant.users(),
            "{\"userName\":\""
                + local
                + "@"
                + tenant.domain()
                + "\",\"entitlements\":[{\"value\":\"ENTERPRISEPACK\"}],\""
                + EXT
                + "\":{\"usageLocation\":\"DE\"}}")
        .expect(201)
        .id();
  }

  String syncedObjectId(String user) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      last = op.get(tenant.users() + "/" + user).expect(200).json();
      if (last.path(EXT).path("syncState").asText().equals("synced") && pendingRows() == 0) {
        return last.path(EXT).path("tenantObjectId").asText();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not synced in time: " + last);
  }

  JsonNode reconcile(String mode) throws Exception {
    return Runs.reconcile(op, tenant.id(), mode);
  }

  static List<String> kinds(JsonNode run) {
    List<String> kinds = new ArrayList<>();
    run.path("findings").forEach(f -> kinds.add(f.path("kind").asText()));
    return kinds;
  }

  int sandboxLicenses(String objectId) {
    return op.get(sandbox("users/" + objectId + "?$select=id,assignedLicenses"))
        .expect(200)
        .json()
        .path("assignedLicenses")
        .size();
  }

  int consumed() {
    return op.get("tenants/" + tenant.id() + "/Products/" + product)
        .expect(200)
        .json()
        .path("consumedUnits")
        .asInt();
  }

  long pendingRows() throws Exception {
    try (Connection c = server.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from outbox where status = 'pending'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
