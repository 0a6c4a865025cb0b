package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.ServerProcess;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hot reads remember a token's reach into a tenant ({@code auth.ReachCache}) and trust it only
 * while the reach generation they read with the user is unchanged: every change that narrows a
 * reach — on this node or another — and every relationship's expiry still acts on the very next
 * request, while writes that narrow nothing leave the remembered reach in use.
 */
class RememberedReachIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final FastPath fastPath = new FastPath(server);

  Http op;
  Tenant tenant;
  String user;

  @BeforeEach
  void tenantWithAUser() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    user = tenant.users() + "/" + server.fixtures().user(op, tenant, "ada");
  }

  @Test
  void aRememberedReachServesLaterReadsUntilSomethingNarrowsIt() {
    Http reseller = server.fixtures().delegatedReseller(tenant, "LimitedAdministration");
    resolved(() -> reseller.get(user).expect(200));
    remembered(() -> reseller.get(user).expect(200));

    // Writes that narrow no reach leave it remembered: a new user, a new token, a new tenant.
    String other = tenant.users() + "/" + server.fixtures().user(op, tenant, "grace");
    server.fixtures().token("tenant", tenant.id());
    server.fixtures().tenant();
    remembered(() -> reseller.get(other).expect(200));
  }

  @Test
  void terminationActsOnTheNextRequest() {
    Http reseller = server.fixtures().delegatedReseller(tenant, "FullAdministration");
    resolved(() -> reseller.get(user).expect(200));
    remembered(() -> reseller.get(user).expect(200));

    op.delete("DelegatedAdminRelationships/" + relationship(reseller)).expect(204);

    passedOn(() -> reseller.get(user).expectError(404, null));
  }

  @Test
  void revocationActsOnTheNextRequest() {
    Http.Reply issued = server.fixtures().issueToken("tenant", tenant.id());
    Http tenantAdmin = server.as(issued.json().path("token").asText());
    resolved(() -> tenantAdmin.get(user).expect(200));
    remembered(() -> tenantAdmin.get(user).expect(200));

    op.delete("ApiTokens/" + issued.id()).expect(204);

    passedOn(() -> tenantAdmin.get(user).expectError(401, null));
  }

  @Test
  void removingTheTenantActsOnTheNextRequest() {
    Http tenantAdmin = server.as(server.fixtures().token("tenant", tenant.id()));
    // By name: once the tenant is gone, so are its users, and only the reach tells "no match"
    // (a 200 with no resources) from "not yours" (401).
    String byName =
        tenant.users()
            + "?filter="
            + URLEncoder.encode(
                "userName eq \"ada@" + tenant.domain() + "\"", StandardCharsets.UTF_8);
    resolved(() -> tenantAdmin.get(byName).expect(200));
    remembered(() -> tenantAdmin.get(byName).expect(200));

    op.delete("Tenants/" + tenant.id()).expect(204);

    passedOn(() -> tenantAdmin.get(byName).expectError(401, null));
  }

  @Test
  void anExpiringRelationshipIsRememberedOnlyUntilItExpires() throws InterruptedException {
    Http reseller = server.as(server.fixtures().token("reseller", reseller()));
    String code =
        reseller
            .post("DelegatedAdminOffers", "{\"role\":\"FullAdministration\"}")
            .expect(201)
            .json()
            .path("offerCode")
            .asText();
    Instant expiry = Instant.now().plusMillis(1500);
    server
        .as(server.fixtures().token("tenant", tenant.id()))
        .post(
            "DelegatedAdminRelationships",
            "{\"offerCode\":\"" + code + "\",\"expiresAt\":\"" + expiry + "\"}")
        .expect(201);
    resolved(() -> reseller.get(user).expect(200));
    remembered(() -> reseller.get(user).expect(200));

    Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 100);

    // No write marked the expiry yet: the remembered expiry alone ends the reach.
    passedOn(() -> reseller.get(user).expectError(404, null));
  }

  @Test
  void aChangeMadeOnAnotherNodeActsOnTheNextRequestHere() {
    assumeTrue(server.database.isMariaDb(), "needs a database shared by processes");
    String token = server.fixtures().delegatedResellerToken(tenant, "FullAdministration");
    String relationship = relationship(server.as(token));
    try (ServerProcess node = ServerProcess.start("node B", server.database)) {
      Http resellerOnB = node.as(token);
      // Twice on node B: the second read there rides on the reach it remembered.
      resellerOnB.get(user).expect(200);
      resellerOnB.get(user).expect(200);

      op.delete("DelegatedAdminRelationships/" + relationship).expect(204); // on this node

      resellerOnB.get(user).expectError(404, null);
    }
  }

  private String reseller() {
    return server.fixtures().reseller(Fixtures.unique("r"));
  }

  /** The id of the reseller's one active relationship with the tenant. */
  private String relationship(Http reseller) {
    for (JsonNode relationship :
        reseller.get("DelegatedAdminRelationships").expect(200).json().path("Resources")) {
      if (relationship.path("tenant").asText().equals(tenant.id())
          && relationship.path("status").asText().equals("active")) {
        return relationship.path("id").asText();
      }
    }
    throw new AssertionError("no active relationship with " + tenant.id());
  }

  /** The reply, after checking the fast path answered it by resolving the reach. */
  private static Http.Reply resolved(Supplier<Http.Reply> request) {
    return fastPath.answered(request, false);
  }

  /** The reply, after checking the fast path answered it on the reach it remembered. */
  private static Http.Reply remembered(Supplier<Http.Reply> request) {
    return fastPath.answered(request, true);
  }

  private static Http.Reply passedOn(Supplier<Http.Reply> request) {
    return fastPath.passedOn(request);
  }
}
