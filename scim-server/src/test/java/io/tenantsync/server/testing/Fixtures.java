package io.tenantsync.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** Builds the principals and tenants a test needs, through the public API only. */
public final class Fixtures {
  private static final String RESELLER_USER =
      "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  private final TestServer server;

  Fixtures(TestServer server) {
    this.server = server;
  }

  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  public String reseller(String displayName) {
    return server
        .operator()
        .post(
            "Resellers",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Reseller"],"displayName":"%s"}"""
                .formatted(displayName))
        .expect(201)
        .id();
  }

  /** A new token for a reseller or tenant, issued by the operator; returns the secret. */
  public String token(String type, String subjectId) {
    return issueToken(type, subjectId).json().path("token").asText();
  }

  /**
   * As {@link #token}, for the operator's whole 201 reply (its id, to revoke it, and the secret).
   */
  public Http.Reply issueToken(String type, String subjectId) {
    return server
        .operator()
        .post(
            "ApiTokens",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:ApiToken"],
             "subject":{"type":"%s","value":"%s"},"displayName":"test"}"""
                .formatted(type, subjectId))
        .expect(201);
  }

  /** A tenant created by {@code http} (operator or reseller); returns its id. */
  public Tenant tenant(Http http) {
    String label = unique("t");
    String id =
        http.post(
                "Tenants",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Tenant"],
                 "displayName":"%s","initialDomain":"%s.onmicrosoft.com"}"""
                    .formatted(label, label))
            .expect(201)
            .id();
    return new Tenant(id, label + ".onmicrosoft.com");
  }

  public Tenant tenant() {
    return tenant(server.operator());
  }

  /** Creates a user {@code local@<initial domain>} in the tenant; returns its id. */
  public String user(Http http, Tenant tenant, String local) {
    return http.post(
            "tenants/" + tenant.id() + "/Users",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s@%s"}"""
                .formatted(local, tenant.domain()))
        .expect(201)
        .id();
  }

  /**
   * A new reseller that administers {@code tenant} with {@code role} ({@code FullAdministration} or
   * {@code LimitedAdministration}): its offer, accepted by the tenant's own token. Returns a client
   * with the reseller's token.
   */
  public Http delegatedReseller(Tenant tenant, String role) {
    return server.as(delegatedResellerToken(tenant, role));
  }

  /** As {@link #delegatedReseller}, for the secret of the new reseller's token. */
  public String delegatedResellerToken(Tenant tenant, String role) {
    String token = token("reseller", reseller(unique("r")));
    String code =
        server
            .as(token)
            .post("DelegatedAdminOffers", "{\"role\":\"" + role + "\"}")
            .expect(201)
            .json()
            .path("offerCode")
            .asText();
    server
        .as(token("tenant", tenant.id()))
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}")
        .expect(201);
    return token;
  }

  /**
   * The user as {@code http} reads it once the outbox has brought its {@code syncState} to {@code
   * wanted}; fails after 60 s with the last state read.
   */
  public JsonNode awaitSyncState(Http http, Tenant tenant, String user, String wanted) {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      last = http.get(tenant.users() + "/" + user).expect(200).json();
      if (last.path(RESELLER_USER).path("syncState").asText().equals(wanted)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not " + wanted + " in time: " + last);
  }

  /** A tenant's id and initial domain. */
  public record Tenant(String id, String domain) {
    public String users() {
      return "tenants/" + id + "/Users";
    }
  }
}
