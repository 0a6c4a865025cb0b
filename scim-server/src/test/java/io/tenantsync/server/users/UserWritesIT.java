package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PUT and PATCH on Users (RFC 7644 §3.5), in the dialects real clients send. */
class UserWritesIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private Http op;
  private Tenant tenant;
  private String user;

  @BeforeEach
  void createUser() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    user =
        op.post(
                tenant.users(),
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"jane@%s","externalId":"e-1","displayName":"Jane",
                 "name":{"givenName":"Jane","familyName":"Doe"},"title":"Engineer",
                 "emails":[{"value":"jane@work.example","type":"work","primary":true},
                           {"value":"jane@home.example","type":"home"}]}"""
                    .formatted(tenant.domain()))
            .expect(201)
            .id();
  }

  private String path() {
    return tenant.users() + "/" + user;
  }

  private JsonNode patch(String operations) {
    return op.patch(
            path(),
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":%s}"""
                .formatted(operations))
        .expect(200)
        .json();
  }

  @Test
  void capitalisedOpAndStringBooleanDeactivate() {
    JsonNode result = patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
    assertFalse(result.path("active").asBoolean(true));
    assertFalse(op.get(path()).json().path("active").asBoolean(true));
  }

  @Test
  void noPathValueWithDottedAndUrnKeys() {
    JsonNode result =
        patch(
            """
            [{"op":"replace","value":{"name.givenName":"Janet","displayName":"Janet D",
              "%s:employeeNumber":"701","active":"false"}}]"""
                .formatted(ENTERPRISE));
    assertEquals("Janet", result.path("name").path("givenName").asText());
    assertEquals("Doe", result.path("name").path("familyName").asText());
    assertEquals("Janet D", result.path("displayName").asText());
    assertEquals("701", result.path(ENTERPRISE).path("employeeNumber").asText());
    assertFalse(result.path("active").asBoolean(true));
  }

  @Test
  void valueFilterPathReplacesOnlyTheMatchingEmail() {
    JsonNode result =
        patch(
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"j@new.example\"}]");
    List<String> values = new ArrayList<>();
    result
        .path("emails")
        .forEach(e -> values.add(e.path("type").asText() + "=" + e.path("value").asText()));
    assertEquals(List.of("work=j@new.example", "home=jane@home.example"), values);
  }

  @Test
  void removeByValueFilterAndAddMultiValued() {
    patch("[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]");
    JsonNode result =
        patch(
            "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"jane@other.example\",\"type\":\"other\"}]}]");
    assertEquals(2, result.path("emails").size());
    assertEquals("jane@other.example", result.path("emails").get(1).path("value").asText());
  }

  @Test
  void removeByValueArrayRemovesOnlyThoseValues() {
    JsonNode result =
        patch(
            "[{\"op\":\"Remove\",\"path\":\"emails\",\"value\":[{\"value\":\"jane@home.example\"}]}]");
    assertEquals(1, result.path("emails").size());
    assertEquals("jane@work.example", result.path("emails").get(0).path("value").asText());
  }

  @Test
  void extensionUrnPath() {
    JsonNode result =
        patch("[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Sales\"}]");
    assertEquals("Sales", result.path(ENTERPRISE).path("department").asText());
    result = patch("[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":department\"}]");
    assertTrue(result.path(ENTERPRISE).path("department").isMissingNode());
  }

  @Test
  void patchingAReadOnlyAttributeIsMutabilityError() {
    op.patch(
            path(),
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"urn:tenantsync:scim:schemas:extension:reseller:2.0:User:syncState","value":"synced"}]}""")
        .expectError(400, "mutability");
  }

  @Test
  void malformedPatchesAreRefusedClearly() {
    op.patch(path(), "{\"Operations\":[]}").expectError(400, "invalidSyntax");
    op.patch(path(), "{\"Operations\":[{\"op\":\"explode\",\"path\":\"title\"}]}")
        .expectError(400, "invalidValue");
    op.patch(path(), "{\"Operations\":[{\"op\":\"remove\"}]}").expectError(400, "noTarget");
    op.patch(
            path(),
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}")
        .expectError(400, "invalidPath");
    op.patch(path(), "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\"}]}")
        .expectError(400, "invalidValue");
    op.patch(path(), "{\"Operations\":[{\"op\":\"remove\",\"path\":\"userName\"}]}")
        .expectError(400, "invalidValue");
    assertEquals("Engineer", op.get(path()).json().path("title").asText(), "nothing changed");
  }

  @Test
  void putReplacesEverythingWritableAndClearsWhatIsAbsent() {
    JsonNode result =
        op.put(
                path(),
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"jane@%s","externalId":"e-1","displayName":"Jane R",
                 "id":"ignored-read-only","meta":{"version":"W/\\"99\\""}}"""
                    .formatted(tenant.domain()))
            .expect(200)
            .json();
    assertEquals(user, result.path("id").asText());
    assertEquals("Jane R", result.path("displayName").asText());
    assertTrue(result.path("title").isMissingNode());
    assertTrue(result.path("name").isMissingNode());
    assertTrue(result.path("emails").isMissingNode());
    assertTrue(op.get(path()).json().path("emails").isMissingNode());
  }

  @Test
  void putWithTakenUserNameIsUniquenessConflict() {
    server.fixtures().user(op, tenant, "taken");
    op.put(path(), "{\"userName\":\"TAKEN@" + tenant.domain() + "\"}")
        .expectError(409, "uniqueness");
  }

  @Test
  void externalIdIsUniquePerTenant() {
    op.post(tenant.users(), "{\"userName\":\"x@" + tenant.domain() + "\",\"externalId\":\"e-1\"}")
        .expectError(409, "uniqueness");
    Tenant other = server.fixtures().tenant();
    op.post(other.users(), "{\"userName\":\"x@" + other.domain() + "\",\"externalId\":\"e-1\"}")
        .expect(201);
  }

  @Test
  void projectionAppliesToReadsAndWrites() {
    JsonNode read = op.get(path() + "?attributes=userName").expect(200).json();
    assertEquals(Set.of("schemas", "id", "userName"), fields(read));
    JsonNode excluded = op.get(path() + "?excludedAttributes=emails,name").expect(200).json();
    assertTrue(excluded.path("emails").isMissingNode());
    assertTrue(excluded.has("displayName"));
    var patched =
        op.patch(
                path() + "?attributes=title",
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]}")
            .expect(200);
    assertEquals(Set.of("schemas", "id", "title"), fields(patched.json()));
    assertTrue(patched.header("ETag").startsWith("W/"), "ETag kept when meta is projected away");
    var created =
        op.post(
                tenant.users() + "?attributes=userName",
                "{\"userName\":\"p@" + tenant.domain() + "\"}")
            .expect(201);
    assertEquals(Set.of("schemas", "id", "userName"), fields(created.json()));
    assertTrue(created.header("Location").contains("/Users/"));
    op.get(path() + "?attributes=userName&excludedAttributes=title")
        .expectError(400, "invalidValue");
  }

  @Test
  void etagsGuardWrites() {
    var read = op.get(path()).expect(200);
    String etag = read.header("ETag");
    assertEquals(read.json().path("meta").path("version").asText(), etag);
    var notModified = op.get(path(), Map.of("If-None-Match", etag)).expect(304);
    assertEquals(etag, notModified.header("ETag"), "a 304 names the version the client holds");
    assertEquals("", notModified.body(), "a 304 has no body");
    op.patch(
            path(),
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"A\"}]}",
            Map.of("If-Match", etag))
        .expect(200);
    op.patch(
            path(),
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"B\"}]}",
            Map.of("If-Match", etag))
        .expectError(412, null);
    op.delete(path(), Map.of("If-Match", etag)).expectError(412, null);
    assertEquals("A", op.get(path()).json().path("title").asText());
  }

  @Test
  void concurrentPatchesWithIfMatchAndRetryLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String email = "c" + i + "@concurrent.example";
        results.add(pool.submit(() -> addEmailWithRetry(email)));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> emails = new HashSet<>();
    op.get(path()).json().path("emails").forEach(e -> emails.add(e.path("value").asText()));
    for (int i = 0; i < 20; i++) {
      assertTrue(emails.contains("c" + i + "@concurrent.example"), "lost c" + i + ": " + emails);
    }
    assertEquals(22, emails.size());
  }

  private void addEmailWithRetry(String email) {
    for (int attempt = 0; attempt < 200; attempt++) {
      String etag = op.get(path()).expect(200).header("ETag");
      var reply =
          op.patch(
              path(),
              "{\"Operations\":[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\""
                  + email
                  + "\"}]}]}",
              Map.of("If-Match", etag));
      if (reply.status() == 200) {
        return;
      }
      reply.expectError(412, null);
    }
    throw new AssertionError("gave up adding " + email);
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
