package io.tenantsync.server.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantsync.server.protocol.RequestLimits;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /scim/v2/tenants/{tenantId}/Bulk} (RFC 7644 §3.7) on Users and Groups. */
class BulkIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  private Http op;
  private Tenant tenant;

  @BeforeEach
  void tenant() {
    op = server.operator();
    tenant = server.fixtures().tenant();
  }

  private String bulkPath() {
    return "tenants/" + tenant.id() + "/Bulk";
  }

  private String groups() {
    return "tenants/" + tenant.id() + "/Groups";
  }

  /** Sends the operations (a JSON array) as {@code http}; returns the response's entries. */
  private JsonNode bulk(Http http, String operations) {
    return bulk(http, null, operations);
  }

  private JsonNode bulk(Http http, @Nullable Integer failOnErrors, String operations) {
    String body =
        """
        {"schemas":["%s"],%s"Operations":%s}"""
            .formatted(
                BULK_REQUEST,
                failOnErrors == null ? "" : "\"failOnErrors\":" + failOnErrors + ",",
                operations);
    Http.Reply reply = http.post(bulkPath(), body).expect(200);
    assertTrue(reply.header("Content-Type").startsWith("application/scim+json"), reply.toString());
    JsonNode response = reply.json();
    assertEquals(BULK_RESPONSE, response.path("schemas").path(0).asText(), reply.toString());
    return response.path("Operations");
  }

  private String userJson(String local) {
    return "{\"userName\":\"%s@%s\"}".formatted(local, tenant.domain());
  }

  private static String post(String bulkId, String path, String data) {
    return "{\"method\":\"POST\",\"bulkId\":\"%s\",\"path\":\"%s\",\"data\":%s}"
        .formatted(bulkId, path, data);
  }

  private static String patchData(String operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
        + operations
        + "}";
  }

  private static void assertSucceeded(JsonNode entry, String method, int status) {
    assertEquals(method, entry.path("method").asText(), entry.toString());
    assertTrue(entry.path("status").isTextual(), "status is a string: " + entry);
    assertEquals(String.valueOf(status), entry.path("status").asText(), entry.toString());
    assertFalse(entry.has("response"), entry.toString());
    assertTrue(entry.path("location").asText().startsWith("http"), entry.toString());
    if (status != 204) {
      assertTrue(entry.path("version").asText().startsWith("W/\""), entry.toString());
    }
  }

  private static JsonNode assertFailed(JsonNode entry, int status, @Nullable String scimType) {
    assertEquals(String.valueOf(status), entry.path("status").asText(), entry.toString());
    JsonNode error = entry.path("response");
    assertEquals(ERROR, error.path("schemas").path(0).asText(), entry.toString());
    assertEquals(String.valueOf(status), error.path("status").asText(), entry.toString());
    assertEquals(
        scimType, error.hasNonNull("scimType") ? error.get("scimType").asText() : null, entry + "");
    assertFalse(error.path("detail").asText().isBlank(), entry.toString());
    assertFalse(entry.has("version"), entry.toString());
    return error;
  }

  /** {@code W/"3"} as a JSON string. */
  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }

  private static String idOf(JsonNode entry) {
    String location = entry.path("location").asText();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private int userCount() {
    return op.get(tenant.users() + "?count=0").expect(200).json().path("totalResults").asInt();
  }

  @Test
  void createsSeveralUsersInOneRequest() {
    JsonNode entries =
        bulk(
            op,
            "["
                + post("a", "/Users", userJson("ann"))
                + ","
                + post("b", "/Users", userJson("bob"))
                + ","
                + "{\"method\":\"post\",\"bulkId\":\"c\",\"path\":\"Users\",\"data\":"
                + userJson("cid")
                + "}]");
    assertEquals(3, entries.size());
    List<String> bulkIds = new ArrayList<>();
    for (JsonNode entry : entries) {
      assertSucceeded(entry, "POST", 201);
      bulkIds.add(entry.path("bulkId").asText());
      JsonNode user =
          op.get(URI.create(entry.path("location").asText()).getPath()).expect(200).json();
      assertEquals(entry.path("version").asText(), user.path("meta").path("version").asText());
    }
    assertEquals(List.of("a", "b", "c"), bulkIds);
    assertEquals(3, userCount());
  }

  @Test
  void replacesPatchesAndDeletesWithVersionsAsIfMatch() {
    String ann = server.fixtures().user(op, tenant, "ann");
    String bob = server.fixtures().user(op, tenant, "bob");
    String cid = server.fixtures().user(op, tenant, "cid");
    String annVersion = op.get(tenant.users() + "/" + ann).header("ETag");
    JsonNode entries =
        bulk(
            op,
            """
            [{"method":"PUT","path":"/Users/%s","version":%s,
              "data":{"userName":"ann@%s","displayName":"Ann Replaced"}},
             {"method":"PATCH","path":"/Users/%s","data":%s},
             {"method":"DELETE","path":"/Users/%s"},
             {"method":"PATCH","path":"/Users/%s","version":"W/\\"999\\"","data":%s}]"""
                .formatted(
                    ann,
                    quoted(annVersion),
                    tenant.domain(),
                    bob,
                    patchData("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"),
                    cid,
                    bob,
                    patchData("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Stale\"}]")));
    assertEquals(4, entries.size());
    assertSucceeded(entries.get(0), "PUT", 200);
    assertEquals(ann, idOf(entries.get(0)));
    assertSucceeded(entries.get(1), "PATCH", 200);
    assertSucceeded(entries.get(2), "DELETE", 204);
    assertFailed(entries.get(3), 412, null);

    JsonNode annNow = op.get(tenant.users() + "/" + ann).expect(200).json();
    assertEquals("Ann Replaced", annNow.path("displayName").asText());
    assertEquals(
        entries.get(0).path("version").asText(), annNow.path("meta").path("version").asText());
    assertEquals("Lead", op.get(tenant.users() + "/" + bob).json().path("title").asText());
    op.get(tenant.users() + "/" + cid).expectError(404, null);
  }

  @Test
  void aGroupMayReferToUsersCreatedLaterInTheSameRequest() {
    JsonNode entries =
        bulk(
            op,
            "["
                + post(
                    "team",
                    "/Groups",
                    """
                    {"displayName":"Team","members":[{"value":"bulkId:ann","type":"User"},
                                                     {"value":"bulkId:bob"}]}""")
                + ",{\"method\":\"PATCH\",\"path\":\"/Users/bulkId:bob\",\"data\":"
                + patchData("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Forward\"}]")
                + "},"
                + post("ann", "/Users", userJson("ann"))
                + ","
                + post("bob", "/Users", userJson("bob"))
                + "]");
    assertEquals(4, entries.size());
    assertEquals(List.of("team", "", "ann", "bob"), bulkIdsOf(entries));
    for (int i = 0; i < 4; i++) {
      assertSucceeded(entries.get(i), i == 1 ? "PATCH" : "POST", i == 1 ? 200 : 201);
    }
    String ann = idOf(entries.get(2));
    String bob = idOf(entries.get(3));
    assertEquals(bob, idOf(entries.get(1)));
    JsonNode group = op.get(groups() + "/" + idOf(entries.get(0))).expect(200).json();
    Set<String> members = new HashSet<>();
    group.path("members").forEach(member -> members.add(member.path("value").asText()));
    assertEquals(Set.of(ann, bob), members);
    assertEquals("Forward", op.get(tenant.users() + "/" + bob).json().path("title").asText());
  }

  private static List<String> bulkIdsOf(JsonNode entries) {
    List<String> bulkIds = new ArrayList<>();
    entries.forEach(entry -> bulkIds.add(entry.path("bulkId").asText()));
    return bulkIds;
  }

  @Test
  void failOnErrorsStopsAfterThatManyErrors() {
    server.fixtures().user(op, tenant, "taken");
    String operations =
        "["
            + post("a", "/Users", userJson("ann"))
            + ","
            + post("b", "/Users", userJson("TAKEN"))
            + ","
            + post("c", "/Users", userJson("cid"))
            + "]";
    JsonNode entries = bulk(op, 1, operations);
    assertEquals(2, entries.size(), "only the operations processed are listed: " + entries);
    assertSucceeded(entries.get(0), "POST", 201);
    assertFailed(entries.get(1), 409, "uniqueness");
    assertEquals(2, userCount(), "the third operation did not run");

    JsonNode again =
        bulk(
            op,
            2,
            "["
                + post("a", "/Users", userJson("ann"))
                + ","
                + post("c", "/Users", userJson("cid"))
                + "]");
    assertFailed(again.get(0), 409, "uniqueness");
    assertSucceeded(again.get(1), "POST", 201);
    assertEquals(3, userCount());
  }

  @Test
  void eachFailureIsReportedInItsOwnOperationAndTheOthersRun() {
    server.fixtures().user(op, tenant, "taken");
    JsonNode entries =
        bulk(
            op,
            "["
                + post("dup", "/Users", userJson("Taken"))
                + ","
                + post("domain", "/Users", "{\"userName\":\"x@elsewhere.example\"}")
                + ","
                + "{\"method\":\"DELETE\",\"path\":\"/Users/no-such-user\"}"
                + ","
                + post("widget", "/Widgets", "{}")
                + ","
                + post(
                    "orphan",
                    "/Groups",
                    "{\"displayName\":\"O\",\"members\":[{\"value\":\"bulkId:nobody\"}]}")
                + ","
                + post(
                    "after",
                    "/Groups",
                    "{\"displayName\":\"A\",\"members\":[{\"value\":\"bulkId:dup\"}]}")
                + ","
                + post(
                    "g1",
                    "/Groups",
                    "{\"displayName\":\"G1\",\"members\":[{\"value\":\"bulkId:g2\"}]}")
                + ","
                + post(
                    "g2",
                    "/Groups",
                    "{\"displayName\":\"G2\",\"members\":[{\"value\":\"bulkId:g1\"}]}")
                + ","
                + "{\"method\":\"GET\",\"path\":\"/Users\"}"
                + ","
                + "{\"method\":\"PATCH\",\"path\":\"/Users/x\"}"
                + ","
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"userName\":\"n@x\"}}"
                + ","
                + post("fine", "/Users", userJson("fine"))
                + "]");
    assertEquals(12, entries.size());
    assertFailed(entries.get(0), 409, "uniqueness");
    assertTrue(
        assertFailed(entries.get(1), 400, "invalidValue")
            .path("detail")
            .asText()
            .contains("domain"));
    assertFailed(entries.get(2), 404, null);
    assertTrue(assertFailed(entries.get(3), 404, null).path("detail").asText().contains("/Users"));
    assertTrue(
        assertFailed(entries.get(4), 400, "invalidValue")
            .path("detail")
            .asText()
            .contains("nobody"));
    assertTrue(
        assertFailed(entries.get(5), 400, "invalidValue").path("detail").asText().contains("dup"));
    assertFailed(entries.get(6), 409, null);
    assertFailed(entries.get(7), 409, null);
    assertFailed(entries.get(8), 400, "invalidValue");
    assertEquals("GET", entries.get(8).path("method").asText());
    assertFailed(entries.get(9), 400, "invalidSyntax");
    assertFailed(entries.get(10), 400, "invalidValue");
    assertSucceeded(entries.get(11), "POST", 201);
    assertEquals("fine", entries.get(11).path("bulkId").asText());
    assertEquals(2, userCount(), "only 'fine' was created");
    assertEquals(0, op.get(groups()).expect(200).json().path("totalResults").asInt());
  }

  @Test
  void moreOperationsThanMaxOperationsIs413AndRunsNothing() {
    List<String> operations = new ArrayList<>();
    for (int i = 0; i <= RequestLimits.MAX_BULK_OPERATIONS; i++) {
      operations.add(post("u" + i, "/Users", userJson("u" + i)));
    }
    Http.Reply reply =
        op.post(
                bulkPath(),
                "{\"schemas\":[\""
                    + BULK_REQUEST
                    + "\"],\"Operations\":["
                    + String.join(",", operations)
                    + "]}")
            .expectError(413, null);
    assertTrue(
        reply
            .json()
            .path("detail")
            .asText()
            .contains("maxOperations is " + RequestLimits.MAX_BULK_OPERATIONS),
        reply.toString());
    assertEquals(0, userCount());
  }

  @Test
  void aPayloadOverMaxPayloadSizeIs413WithOrWithoutContentLength() throws Exception {
    String big =
        "{\"schemas\":[\""
            + BULK_REQUEST
            + "\"],\"Operations\":["
            + post(
                "a",
                "/Users",
                "{\"userName\":\"a@"
                    + tenant.domain()
                    + "\",\"displayName\":\""
                    + "x".repeat(RequestLimits.MAX_PAYLOAD_BYTES)
                    + "\"}")
            + "]}";
    Http.Reply declared = op.post(bulkPath(), big).expectError(413, null);
    assertTrue(
        declared
            .json()
            .path("detail")
            .asText()
            .contains(String.valueOf(RequestLimits.MAX_PAYLOAD_BYTES)),
        declared.toString());

    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/scim/v2/" + bulkPath()))
            .header("Authorization", "Bearer " + TestServer.OPERATOR_TOKEN)
            .header("Content-Type", "application/scim+json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode(), response.body());
    JsonNode error = new ObjectMapper().readTree(response.body());
    assertEquals(ERROR, error.path("schemas").path(0).asText());
    assertEquals("413", error.path("status").asText());
    assertEquals(0, userCount());
  }

  @Test
  void aMalformedBulkBodyIs400() {
    op.post(bulkPath(), "{\"Operations\":").expectError(400, "invalidSyntax");
    op.post(bulkPath(), "").expectError(400, "invalidSyntax");
    op.post(bulkPath(), "{\"schemas\":[\"" + BULK_REQUEST + "\"]}")
        .expectError(400, "invalidSyntax");
    op.post(bulkPath(), "{\"Operations\":{\"method\":\"POST\"}}").expectError(400, "invalidSyntax");
    op.post(bulkPath(), "{\"Operations\":[42]}").expectError(400, "invalidSyntax");
    op.post(bulkPath(), "{\"failOnErrors\":0,\"Operations\":[]}").expectError(400, "invalidValue");
    op.post(
            bulkPath(),
            "{\"Operations\":["
                + post("same", "/Users", userJson("a"))
                + ","
                + post("same", "/Users", userJson("b"))
                + "]}")
        .expectError(400, "invalidValue");
    assertEquals(0, userCount());
    assertEquals(0, bulk(op, "[]").size());
  }

  @Test
  void aTenantOutOfReachIs404ForTheWholeRequest() {
    Tenant other = server.fixtures().tenant();
    Http otherAdmin = server.as(server.fixtures().token("tenant", other.id()));
    otherAdmin
        .post(bulkPath(), "{\"Operations\":[" + post("a", "/Users", userJson("ann")) + "]}")
        .expectError(404, null);
    op.post("tenants/no-such-tenant/Bulk", "{\"Operations\":[]}").expectError(404, null);
    server.anonymous().post(bulkPath(), "{\"Operations\":[]}").expectError(401, null);
    assertEquals(0, userCount());
  }

  @Test
  void limitedAdministrationGets403ForEachWriteButMaySetPasswords() {
    String plain = server.fixtures().user(op, tenant, "plain");
    Http reseller = server.fixtures().delegatedReseller(tenant, "LimitedAdministration");

    JsonNode entries =
        bulk(
            reseller,
            "["
                + post("a", "/Users", userJson("new"))
                + ",{\"method\":\"PUT\",\"path\":\"/Users/"
                + plain
                + "\",\"data\":"
                + userJson("plain")
                + "},{\"method\":\"PATCH\",\"path\":\"/Users/"
                + plain
                + "\",\"data\":"
                + patchData("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]")
                + "},{\"method\":\"DELETE\",\"path\":\"/Users/"
                + plain
                + "\"},"
                + post("g", "/Groups", "{\"displayName\":\"G\"}")
                + ",{\"method\":\"PATCH\",\"path\":\"/Users/"
                + plain
                + "\",\"data\":"
                + patchData(
                    "[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"N3w-Passw0rd!\"}]")
                + "}]");
    assertEquals(6, entries.size());
    for (int i = 0; i < 5; i++) {
      assertFailed(entries.get(i), 403, null);
    }
    assertSucceeded(entries.get(5), "PATCH", 200);
    assertEquals(1, userCount());
    assertFalse(op.get(tenant.users() + "/" + plain).json().has("displayName"));
  }

  @Test
  void serviceProviderConfigAdvertisesTheEnforcedBulkLimits() {
    JsonNode bulk =
        op.get("tenants/" + tenant.id() + "/ServiceProviderConfig").expect(200).json().path("bulk");
    assertTrue(bulk.path("supported").asBoolean(false), bulk.toString());
    assertEquals(RequestLimits.MAX_BULK_OPERATIONS, bulk.path("maxOperations").asInt());
    assertEquals(RequestLimits.MAX_PAYLOAD_BYTES, bulk.path("maxPayloadSize").asInt());
  }

  @Test
  void jsonContentTypeAndAnyCaseAreAccepted() {
    Http.Reply reply =
        op.send(
                "POST",
                bulkPath(),
                "{\"operations\":[{\"Method\":\"post\",\"BulkId\":\"a\",\"Path\":\"/users\","
                    + "\"Data\":"
                    + userJson("ann")
                    + "}]}",
                Map.of("Content-Type", "application/json"))
            .expect(200);
    assertSucceeded(reply.json().path("Operations").get(0), "POST", 201);
  }
}
