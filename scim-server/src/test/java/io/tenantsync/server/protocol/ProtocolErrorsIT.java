package io.tenantsync.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tenantsync.server.testing.TestServer;
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
  }

  @Test
  void malformedJsonIsInvalidSyntax() {
    var reply =
        server.operator().post("Resellers", "{\"displayName\": ").expectError(400, "invalidSyntax");
    assertFalse(reply.body().contains("Exception"), reply.toString());
    assertFalse(reply.body().contains("at io."), reply.toString());
  }

  @Test
  void wrongJsonShapeIsInvalidSyntax() {
    server.operator().post("Resellers", "[1,2,3]").expectError(400, "invalidSyntax");
  }

  @Test
  void unsupportedMediaTypeIs415() {
    server
        .operator()
        .send(
            "POST",
            "Resellers",
            "displayName=x",
            Map.of("Content-Type", "application/x-www-form-urlencoded"))
        .expectError(415, null);
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
    assertEquals(
        "ready", server.anonymous().get("/readyz").expect(200).json().path("status").asText());
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
