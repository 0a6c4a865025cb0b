package io.tenantsync.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad requests get clear SCIM errors, never a stack trace. */
class ProtocolErrorsIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  @Test
  void unknownPathIsScimNotFound() {
    var reply = server.operator().get("NoSuchThing").expectError(404, null);
    assertEquals("application/scim+json", reply.header("Content-Type"));
    server.operator().get("/scim/v2/tenants/x/Nope/1").expectError(404, null);
    String tenant = server.fixtures().tenant().id();
    server.operator().get("tenants/" + tenant + "/Nope").expectError(404, null);
  }

  @Test
  void malformedJsonIsInvalidSyntaxWithWhereItBroke() {
    String detail = syntaxError(server.operator().post("Resellers", "{\"displayName\": "));
    assertTrue(detail.startsWith("the request body is not valid JSON: "), detail);
    assertTrue(detail.endsWith("at line 1, column 17"), detail);
    syntaxError(server.operator().post("Resellers", "{\"displayName\":\"a\",}"));
    syntaxError(server.operator().post("Resellers", "nul"));
    String tenantLevel =
        syntaxError(server.operator().post(server.fixtures().tenant().users(), "{\"userName\":"));
    assertTrue(tenantLevel.startsWith("the request body is not valid JSON: "), tenantLevel);
  }

  @Test
  void wrongJsonShapeSaysWhichAttributeMustBeWhat() {
    assertEquals(
        "the request body has the wrong shape: the body must be an object, not an array"
            + " (line 1, column 1)",
        syntaxError(server.operator().post("Resellers", "[1,2,3]")));
    assertEquals(
        "the request body has the wrong shape: \"domains\" must be an array, not a string"
            + " (line 1, column 66)",
        syntaxError(
            server
                .operator()
                .post(
                    "Tenants",
                    "{\"displayName\":\"x\",\"initialDomain\":\"y.onmicrosoft.com\",\"domains\":\"z\"}")));
    assertTrue(
        syntaxError(server.operator().post("ApiTokens", "{\"subject\":\"x\"}"))
            .startsWith(
                "the request body has the wrong shape: \"subject\" must be an object, not a"
                    + " string"));
    assertTrue(
        syntaxError(server.operator().post("Resellers", "{\"displayName\":{\"a\":1}}"))
            .startsWith(
                "the request body has the wrong shape: \"displayName\" must be a string, not an"
                    + " object"));
    assertTrue(
        syntaxError(server.operator().post("Resellers", "{\"displayName\":\"m\",\"meta\":5}"))
            .contains("\"meta\" must be an object, not a number"));
  }

  @Test
  void wrongJsonShapeAtTenantLevelNamesNoJavaType() {
    var tenant = server.fixtures().tenant();
    String users = tenant.users();
    String user = users + "/" + server.fixtures().user(server.operator(), tenant, "shape");
    syntaxError(server.operator().post(users, "[1]"));
    syntaxError(server.operator().patch(user, "[1]"));
    syntaxError(server.operator().put(user, "\"text\""));
    syntaxError(server.operator().post(users + "/.search", "[1]"));
    syntaxError(server.operator().post("tenants/" + tenant.id() + "/Bulk", "[1]"));
    syntaxError(server.operator().post("tenants/" + tenant.id() + "/Groups", "7"));
  }

  @Test
  void emptyBodyIsInvalidSyntax() {
    assertEquals(
        "the request body is empty or ends too early: send a JSON object",
        syntaxError(server.operator().post("Resellers", "")));
    syntaxError(server.operator().post("tenants/" + server.fixtures().tenant().id() + "/Bulk", ""));
  }

  /** Asserts 400 invalidSyntax whose detail names no Java type; returns the detail. */
  private static String syntaxError(Http.Reply reply) {
    String detail = reply.expectError(400, "invalidSyntax").json().path("detail").asText();
    for (String leak : List.of("com.fasterxml", "io.tenantsync", "java.", "`", "JsonToken", "$")) {
      assertFalse(detail.contains(leak), "detail leaks " + leak + ": " + reply);
    }
    assertFalse(reply.body().contains("Exception"), reply.toString());
    return detail;
  }

  @Test
  void unsupportedMediaTypeIs415AtEveryLevel() {
    server
        .operator()
        .send(
            "POST",
            "Resellers",
            "displayName=x",
            Map.of("Content-Type", "application/x-www-form-urlencoded"))
        .expectError(415, null);
    server
        .operator()
        .send(
            "POST",
            server.fixtures().tenant().users(),
            "<user/>",
            Map.of("Content-Type", "application/xml"))
        .expectError(415, null);
  }

  @Test
  void errorsOutsideScimArePlainJson() {
    var unknown = server.anonymous().get("/no/such/page").expect(404);
    assertEquals("application/json", unknown.header("Content-Type"));
    assertFalse(unknown.json().has("schemas"), unknown.toString());
    assertEquals(404, unknown.json().path("status").asInt());
    assertEquals("no resource at this path", unknown.json().path("detail").asText());
    var wrongMethod = server.anonymous().send("POST", "/healthz", "{}", Map.of()).expect(405);
    assertFalse(wrongMethod.json().has("schemas"), wrongMethod.toString());
    assertEquals(405, wrongMethod.json().path("status").asInt());
  }

  @Test
  void plainJsonIsAcceptedAsWellAsScimJson() {
    server
        .operator()
        .send(
            "POST",
            "Resellers",
            "{\"displayName\":\"json reseller\"}",
            Map.of("Content-Type", "application/json"))
        .expect(201);
  }

  @Test
  void wrongMethodIs405() {
    server.operator().send("PATCH", "Resellers", "{}", Map.of()).expectError(405, null);
  }

  @Test
  void oversizedPayloadIs413() {
    String huge = "{\"displayName\":\"" + "x".repeat(RequestLimits.MAX_PAYLOAD_BYTES + 10) + "\"}";
    server.operator().post("Resellers", huge).expectError(413, null);
  }

  @Test
  void missingRequiredValueIsInvalidValue() {
    server.operator().post("Resellers", "{}").expectError(400, "invalidValue");
    server
        .operator()
        .post("Tenants", "{\"displayName\":\"x\",\"initialDomain\":\"contoso.com\"}")
        .expectError(400, "invalidValue");
  }

  @Test
  void duplicateNamesAreUniquenessConflicts() {
    server.operator().post("Resellers", "{\"displayName\":\"Same Name\"}").expect(201);
    server
        .operator()
        .post("Resellers", "{\"displayName\":\"same name\"}")
        .expectError(409, "uniqueness");
    server
        .operator()
        .post("Tenants", "{\"displayName\":\"a\",\"initialDomain\":\"dup.onmicrosoft.com\"}")
        .expect(201);
    server
        .operator()
        .post("Tenants", "{\"displayName\":\"b\",\"initialDomain\":\"DUP.onmicrosoft.com\"}")
        .expectError(409, "uniqueness");
  }

  @Test
  void staleIfMatchIs412AndCurrentOneSucceeds() {
    var created =
        server.operator().post("Resellers", "{\"displayName\":\"versioned\"}").expect(201);
    String etag = created.header("ETag");
    server
        .operator()
        .put("Resellers/" + created.id(), "{\"displayName\":\"v2\"}", Map.of("If-Match", etag))
        .expect(200);
    server
        .operator()
        .put("Resellers/" + created.id(), "{\"displayName\":\"v3\"}", Map.of("If-Match", etag))
        .expectError(412, null);
  }

  @Test
  void ifNoneMatchWithCurrentVersionIs304() {
    var created = server.operator().post("Resellers", "{\"displayName\":\"cached\"}").expect(201);
    server
        .operator()
        .get("Resellers/" + created.id(), Map.of("If-None-Match", created.header("ETag")))
        .expect(304);
  }

  @Test
  void healthEndpointsNeedNoToken() {
    server.anonymous().get("/healthz").expect(200);
    var ready = server.anonymous().get("/readyz").expect(200).json();
    assertEquals("ready", ready.path("status").asText());
    assertEquals("reachable", ready.path("database").asText());
    assertTrue(ready.path("schema").path("version").asText().matches("\\d+"), "migrated: " + ready);
  }

  @Test
  void discoveryListsInstallationResourceTypes() {
    var types = server.operator().get("ResourceTypes").expect(200).json();
    assertEquals(5, types.path("totalResults").asInt());
    server.operator().get("ResourceTypes/Tenant").expect(200);
    server.operator().get("Schemas/urn:tenantsync:scim:schemas:core:2.0:Tenant").expect(200);
    server.operator().get("ServiceProviderConfig").expect(200);
    server.operator().get("Schemas/urn:nope").expectError(404, null);
  }
}
