package io.tenantsync.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  @Test
  void requestWithoutTokenGets401WithBearerChallenge() {
    var reply = server.anonymous().get("Tenants").expectError(401, null);
    assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.toString());
    assertEquals("application/scim+json", reply.header("Content-Type"));
  }

  @Test
  void unknownTokenGets401() {
    server.as("ts_not-a-real-token-at-all-000000000").get("Tenants").expectError(401, null);
    server
        .anonymous()
        .get("Tenants", Map.of("Authorization", "Basic dXNlcjpwYXNz"))
        .expectError(401, null);
  }

  @Test
  void revokedTokenGets401OnTheVeryNextRequest() {
    String reseller = server.fixtures().reseller(Fixtures.unique("r"));
    var created =
        server
            .operator()
            .post(
                "ApiTokens",
                """
                {"subject":{"type":"reseller","value":"%s"},"displayName":"portal"}"""
                    .formatted(reseller))
            .expect(201);
    String secret = created.json().path("token").asText();
    server.as(secret).get("Tenants").expect(200);

    server.operator().delete("ApiTokens/" + created.id()).expect(204);

    server.as(secret).get("Tenants").expectError(401, null);
    server.operator().get("ApiTokens/" + created.id()).expectError(404, null);
  }

  @Test
  void revokedTenantTokenGets401AtTenantLevelToo() {
    var tenant = server.fixtures().tenant();
    var created =
        server
            .operator()
            .post(
                "ApiTokens",
                """
                {"subject":{"type":"tenant","value":"%s"},"displayName":"idp"}"""
                    .formatted(tenant.id()))
            .expect(201);
    var idp = server.as(created.json().path("token").asText());
    idp.get(tenant.users()).expect(200);

    idp.delete("ApiTokens/" + created.id()).expect(204);

    idp.get(tenant.users()).expectError(401, null);
    idp.get("Tenants/" + tenant.id()).expectError(401, null);
  }

  @Test
  void tokenSecretIsReturnedOnceAndNeverStored() throws Exception {
    String reseller = server.fixtures().reseller(Fixtures.unique("r"));
    var created =
        server
            .operator()
            .post(
                "ApiTokens",
                """
                {"subject":{"type":"reseller","value":"%s"},"displayName":"portal"}"""
                    .formatted(reseller))
            .expect(201);
    String secret = created.json().path("token").asText();
    assertTrue(secret.startsWith("ts_") && secret.length() > 40, secret);

    var read = server.operator().get("ApiTokens/" + created.id()).expect(200);
    assertFalse(read.body().contains(secret), "a read returns the secret: " + read);
    assertFalse(read.json().has("token"));

    try (Connection connection = server.database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM api_token")) {
      ResultSetMetaData columns = rows.getMetaData();
      int rowCount = 0;
      while (rows.next()) {
        rowCount++;
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          String value = rows.getString(i);
          assertFalse(
              value != null && value.contains(secret.substring(3)),
              "column " + columns.getColumnName(i) + " holds the secret");
        }
      }
      assertEquals(1, rowCount);
    }
  }

  @Test
  void resellerMayIssueOnlyItsOwnTokens() {
    String mine = server.fixtures().reseller(Fixtures.unique("r"));
    String other = server.fixtures().reseller(Fixtures.unique("r"));
    String token = server.fixtures().token("reseller", mine);

    server
        .as(token)
        .post(
            "ApiTokens",
            """
            {"subject":{"type":"reseller","value":"%s"},"displayName":"x"}"""
                .formatted(other))
        .expectError(403, null);
    server
        .as(token)
        .post(
            "ApiTokens",
            """
            {"subject":{"type":"reseller","value":"%s"},"displayName":"x"}"""
                .formatted(mine))
        .expect(201);
    assertEquals(
        2, server.as(token).get("ApiTokens").expect(200).json().path("totalResults").asInt());
  }

  @Test
  void tokenForUnknownSubjectIsRefused() {
    server
        .operator()
        .post(
            "ApiTokens",
            """
            {"subject":{"type":"tenant","value":"no-such-tenant"},"displayName":"x"}""")
        .expectError(400, "invalidValue");
    server
        .operator()
        .post(
            "ApiTokens",
            """
            {"subject":{"type":"wizard","value":"x"},"displayName":"x"}""")
        .expectError(400, "invalidValue");
  }

  @Test
  void onlyTheOperatorManagesResellers() {
    String reseller = server.fixtures().reseller(Fixtures.unique("r"));
    String token = server.fixtures().token("reseller", reseller);
    server
        .as(token)
        .post("Resellers", "{\"displayName\":\"" + Fixtures.unique("x") + "\"}")
        .expectError(403, null);
    server.as(token).get("Resellers/" + reseller).expect(200);
    String other = server.fixtures().reseller(Fixtures.unique("r"));
    server.as(token).get("Resellers/" + other).expectError(404, null);
  }
}
