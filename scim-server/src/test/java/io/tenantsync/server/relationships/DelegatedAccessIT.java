package io.tenantsync.server.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** R28–R30 and API.md "Principals": who reaches which tenant, and when that ends. */
class DelegatedAccessIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private Http newReseller() {
    String id = server.fixtures().reseller(Fixtures.unique("r"));
    return server.as(server.fixtures().token("reseller", id));
  }

  private Http tenantAdmin(Tenant tenant) {
    return server.as(server.fixtures().token("tenant", tenant.id()));
  }

  private String offer(Http reseller, String role) {
    return reseller
        .post("DelegatedAdminOffers", "{\"role\":\"" + role + "\"}")
        .expect(201)
        .json()
        .path("offerCode")
        .asText();
  }

  @Test
  void resellerWithoutRelationshipSeesNothingOfTheTenant() {
    Tenant tenant = server.fixtures().tenant();
    String user = server.fixtures().user(server.operator(), tenant, "alice");
    Http stranger = newReseller();

    stranger.get("Tenants/" + tenant.id()).expectError(404, null);
    stranger.get(tenant.users()).expectError(404, null);
    stranger.get(tenant.users() + "/" + user).expectError(404, null);
    assertEquals(0, stranger.get("Tenants").expect(200).json().path("totalResults").asInt());
  }

  @Test
  void tenantCreatedByResellerStartsWithActiveFullAdministration() {
    Http reseller = newReseller();
    Tenant tenant = server.fixtures().tenant(reseller);

    JsonNode relationships = reseller.get("DelegatedAdminRelationships").expect(200).json();
    assertEquals(1, relationships.path("totalResults").asInt());
    JsonNode relationship = relationships.path("Resources").get(0);
    assertEquals(tenant.id(), relationship.path("tenant").asText());
    assertEquals("FullAdministration", relationship.path("role").asText());
    assertEquals("active", relationship.path("status").asText());
    server.fixtures().user(reseller, tenant, "bob");
  }

  @Test
  void terminationEndsAccessAtOnce() {
    Http reseller = newReseller();
    Tenant tenant = server.fixtures().tenant(reseller);
    String user = server.fixtures().user(reseller, tenant, "carol");
    String relationship =
        reseller
            .get("DelegatedAdminRelationships")
            .json()
            .path("Resources")
            .get(0)
            .path("id")
            .asText();

    tenantAdmin(tenant).delete("DelegatedAdminRelationships/" + relationship).expect(204);

    reseller.get("Tenants/" + tenant.id()).expectError(404, null);
    reseller.get(tenant.users() + "/" + user).expectError(404, null);
    assertEquals(
        "terminated",
        reseller.get("DelegatedAdminRelationships/" + relationship).json().path("status").asText());
  }

  @Test
  void offerIsReusableByAnyNumberOfTenants() {
    Http reseller = newReseller();
    String code = offer(reseller, "FullAdministration");
    Tenant first = server.fixtures().tenant();
    Tenant second = server.fixtures().tenant();

    reseller.get("Tenants/" + first.id()).expectError(404, null);
    tenantAdmin(first)
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}")
        .expect(201);
    tenantAdmin(second)
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}")
        .expect(201);

    reseller.get("Tenants/" + first.id()).expect(200);
    reseller.get("Tenants/" + second.id()).expect(200);
    assertEquals(2, reseller.get("Tenants").json().path("totalResults").asInt());
  }

  @Test
  void expiredRelationshipGivesNoAccess() throws InterruptedException {
    Http reseller = newReseller();
    String code = offer(reseller, "FullAdministration");
    Tenant tenant = server.fixtures().tenant();
    Instant expiry = Instant.now().plusMillis(1500);
    String id =
        tenantAdmin(tenant)
            .post(
                "DelegatedAdminRelationships",
                "{\"offerCode\":\"" + code + "\",\"expiresAt\":\"" + expiry + "\"}")
            .expect(201)
            .id();
    reseller.get("Tenants/" + tenant.id()).expect(200);

    Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 100);

    reseller.get("Tenants/" + tenant.id()).expectError(404, null);
    assertEquals(
        "expired",
        reseller.get("DelegatedAdminRelationships/" + id).json().path("status").asText());

    // The expired relationship no longer holds the pair: the tenant may accept again.
    tenantAdmin(tenant)
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}")
        .expect(201);
    reseller.get("Tenants/" + tenant.id()).expect(200);
    assertEquals(
        "expired",
        reseller.get("DelegatedAdminRelationships/" + id).json().path("status").asText());
  }

  @Test
  void concurrentAcceptsOfOneOfferLeaveExactlyOneActiveRelationship() throws Exception {
    Http reseller = newReseller();
    String code = offer(reseller, "FullAdministration");
    Tenant tenant = server.fixtures().tenant();
    Http admin = tenantAdmin(tenant);
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    List<Http.Reply> replies = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Http.Reply>> pending = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        pending.add(
            pool.submit(
                () -> {
                  start.await();
                  return admin.post(
                      "DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}");
                }));
      }
      start.countDown();
      for (Future<Http.Reply> reply : pending) {
        replies.add(reply.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies.toString());
    for (Http.Reply reply : replies) {
      if (reply.status() != 201) {
        String detail = reply.expectError(409, "uniqueness").json().path("detail").asText();
        assertTrue(detail.contains("already has an active relationship"), detail);
      }
    }
    JsonNode relationships = admin.get("DelegatedAdminRelationships").expect(200).json();
    assertEquals(1, relationships.path("totalResults").asInt(), relationships.toString());
    assertEquals("active", relationships.path("Resources").get(0).path("status").asText());
  }

  @Test
  void limitedAdministrationReadsUsersButCannotCreateThem() {
    Http reseller = newReseller();
    String code = offer(reseller, "LimitedAdministration");
    Tenant tenant = server.fixtures().tenant();
    String user = server.fixtures().user(server.operator(), tenant, "dave");
    tenantAdmin(tenant)
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}")
        .expect(201);

    reseller.get(tenant.users() + "/" + user).expect(200);
    reseller
        .post(tenant.users(), "{\"userName\":\"eve@" + tenant.domain() + "\"}")
        .expectError(403, null);
    reseller.put("Tenants/" + tenant.id(), "{\"displayName\":\"renamed\"}").expectError(403, null);
  }

  @Test
  void tenantTokenCannotReachAnotherTenant() {
    Tenant mine = server.fixtures().tenant();
    Tenant other = server.fixtures().tenant();
    String otherUser = server.fixtures().user(server.operator(), other, "frank");
    Http admin = tenantAdmin(mine);

    admin.get("Tenants/" + mine.id()).expect(200);
    admin.get("Tenants/" + other.id()).expectError(404, null);
    admin.get(other.users()).expectError(404, null);
    admin.get(other.users() + "/" + otherUser).expectError(404, null);
    // A user id of another tenant is not found through one's own tenant either.
    admin.get(mine.users() + "/" + otherUser).expectError(404, null);
    assertEquals(1, admin.get("Tenants").json().path("totalResults").asInt());
  }

  @Test
  void onlyTenantsAcceptOffersAndOnlyResellersMakeThem() {
    Http reseller = newReseller();
    String code = offer(reseller, "FullAdministration");
    reseller
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"" + code + "\"}")
        .expectError(403, null);
    Tenant tenant = server.fixtures().tenant();
    tenantAdmin(tenant)
        .post("DelegatedAdminOffers", "{\"role\":\"FullAdministration\"}")
        .expectError(403, null);
    tenantAdmin(tenant)
        .post("DelegatedAdminRelationships", "{\"offerCode\":\"nope\"}")
        .expectError(400, "invalidValue");
    reseller.post("DelegatedAdminOffers", "{\"role\":\"Boss\"}").expectError(400, "invalidValue");
  }

  @Test
  void tenantCannotCreateTenantsAndResellerCannotDeleteThem() {
    Http reseller = newReseller();
    Tenant tenant = server.fixtures().tenant(reseller);
    tenantAdmin(tenant)
        .post("Tenants", "{\"displayName\":\"x\",\"initialDomain\":\"x1.onmicrosoft.com\"}")
        .expectError(403, null);
    reseller.delete("Tenants/" + tenant.id()).expectError(403, null);
    server.operator().delete("Tenants/" + tenant.id()).expect(204);
    reseller.get("Tenants/" + tenant.id()).expectError(404, null);
  }
}
