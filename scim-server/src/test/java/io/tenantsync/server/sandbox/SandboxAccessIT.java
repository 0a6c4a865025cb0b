package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may call a sandbox, and Graph's error shapes on every path under it (raw HTTP). */
class SandboxAccessIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private Sandbox sandbox;

  @BeforeEach
  void tenant() {
    sandbox = Sandbox.create(server);
  }

  @Test
  void missingOrUnknownTokenIs401InvalidAuthenticationToken() {
    Http.Reply none = server.anonymous().get(sandbox.path("/users")).expect(401);
    assertGraphError(none, "InvalidAuthenticationToken");
    assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.toString());

    assertGraphError(
        server.as("ts_unknown-token-000000000000000000").get(sandbox.path("/users")).expect(401),
        "InvalidAuthenticationToken");
    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () -> sandbox.directory("wrong-token", 100).listUsers(user -> {}));
    assertEquals(DirectoryException.Kind.UNAUTHORIZED, e.kind());
  }

  @Test
  void resellerTokensAreNotGraphTokens() {
    String reseller = server.fixtures().reseller(Fixtures.unique("r"));
    String token = server.fixtures().token("reseller", reseller);
    assertGraphError(
        server.as(token).get(sandbox.path("/users")).expect(401), "InvalidAuthenticationToken");
  }

  @Test
  void tenantTokenReachesItsOwnSandboxOnly() {
    sandbox.asTenant().get(sandbox.path("/users")).expect(200);
    Sandbox other = Sandbox.create(server);
    Http.Reply foreign = sandbox.asTenant().get(other.path("/users")).expect(404);
    assertGraphError(foreign, "Request_ResourceNotFound");
    Http.Reply unknown =
        sandbox
            .asTenant()
            .get("/sandbox/00000000-0000-0000-0000-000000000000/v1.0/users")
            .expect(404);
    assertEquals(
        foreign.json().path("error").path("code"), unknown.json().path("error").path("code"));

    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () -> other.directory(sandbox.tenantToken, 100).listUsers(user -> {}));
    assertEquals(DirectoryException.Kind.NOT_FOUND, e.kind());
  }

  @Test
  void unknownTenantAndGraphDirectoryTenantAre404() {
    assertGraphError(
        server.operator().get("/sandbox/no-such-tenant/v1.0/users").expect(404),
        "Request_ResourceNotFound");
    String label = Fixtures.unique("g");
    String graphTenant =
        server
            .operator()
            .post(
                "Tenants",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Tenant"],
                 "displayName":"%s","initialDomain":"%s.onmicrosoft.com",
                 "directory":{"type":"graph","baseUrl":"https://graph.example/v1.0",
                   "tokenUrl":"https://login.example/token","clientId":"c","clientSecret":"s"}}"""
                    .formatted(label, label))
            .expect(201)
            .id();
    assertGraphError(
        server.operator().get("/sandbox/" + graphTenant + "/v1.0/users").expect(404),
        "Request_ResourceNotFound");
  }

  @Test
  void errorsCarryGraphsInnerErrorAndRequestIds() {
    Http.Reply reply =
        server
            .operator()
            .get(sandbox.path("/users/nobody"), Map.of("client-request-id", "abc-123"))
            .expect(404);
    JsonNode error = assertGraphError(reply, "Request_ResourceNotFound");
    assertEquals(
        "Resource 'nobody' does not exist or one of its queried reference-property objects are"
            + " not present.",
        error.path("message").asText());
    JsonNode inner = error.path("innerError");
    assertEquals(reply.header("request-id"), inner.path("request-id").asText());
    assertEquals("abc-123", inner.path("client-request-id").asText());
    assertEquals("abc-123", reply.header("client-request-id"));
    assertTrue(inner.path("date").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
  }

  @Test
  void malformedBodiesAndUnknownPathsAreGraphShapedToo() {
    assertGraphError(
        server
            .operator()
            .send("POST", sandbox.path("/users"), "{not json", Sandbox.JSON)
            .expect(400),
        "BadRequest");
    assertGraphError(
        server.operator().send("POST", sandbox.path("/users"), "", Sandbox.JSON).expect(400),
        "BadRequest");
    Http.Reply unknownPath = server.operator().get(sandbox.path("/groups")).expect(400);
    JsonNode error = assertGraphError(unknownPath, "BadRequest");
    assertEquals("Resource not found for the segment 'groups'.", error.path("message").asText());
    assertGraphError(
        server.operator().send("PUT", sandbox.path("/users"), "{}", Sandbox.JSON).expect(405),
        "Request_BadRequest");
    assertGraphError(
        server.operator().get(sandbox.path("/users?$top=0")).expect(400), "Request_BadRequest");
    assertGraphError(
        server.operator().get(sandbox.path("/users?$orderby=displayName")).expect(400),
        "Request_UnsupportedQuery");
    assertGraphError(
        server.operator().get(sandbox.path("/users?$skiptoken=forged")).expect(400), "BadRequest");
  }

  @Test
  void successfulResponsesArePlainJsonWithRequestId() {
    Http.Reply reply = server.operator().get(sandbox.path("/users")).expect(200);
    assertEquals("application/json", reply.header("Content-Type"));
    assertFalse(reply.header("request-id").isBlank());
    assertTrue(reply.json().path("@odata.context").asText().endsWith("/$metadata#users"));
    assertTrue(reply.json().path("value").isArray());
  }

  @Test
  void scimPathsKeepScimErrors() {
    server.operator().get("NoSuchResource").expectError(404, null);
    server.anonymous().get("Tenants").expectError(401, null);
  }

  private static JsonNode assertGraphError(Http.Reply reply, String code) {
    assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.toString());
    JsonNode error = reply.json().path("error");
    assertEquals(code, error.path("code").asText(), reply.toString());
    assertFalse(error.path("message").asText().isBlank(), reply.toString());
    assertFalse(reply.json().has("schemas"), "SCIM-shaped: " + reply);
    assertFalse(error.path("innerError").path("request-id").asText().isBlank(), reply.toString());
    return error;
  }
}
