package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HotUserReads}: what it answers, it answers byte for byte as the application does (the
 * operator's requests, which it never takes, are the reference); what it cannot answer exactly
 * reaches the application untouched, errors included.
 */
class HotUserReadsIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";
  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  Http op;
  Http reseller;
  String resellerToken;
  Tenant tenant;
  String alice;
  String bob;

  @BeforeEach
  void users() {
    op = server.operator();
    String resellerId = server.fixtures().reseller(Fixtures.unique("r"));
    resellerToken = server.fixtures().token("reseller", resellerId);
    reseller = server.as(resellerToken);
    tenant = server.fixtures().tenant(reseller);
    op.post(
            "tenants/" + tenant.id() + "/Products",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Product"],"skuPartNumber":"ENTERPRISEPACK",
             "displayName":"Office 365 E3","prepaidUnits":{"enabled":5}}""")
        .expect(201);
    alice =
        op.post(
                tenant.users(),
                """
                {"userName":"alice@%s","externalId":"X-ALICE","displayName":"Alice Anders",
                 "name":{"givenName":"Alice","familyName":"Anders"},"title":"Engineer",
                 "emails":[{"value":"alice@%s","type":"work","primary":true},
                           {"value":"alice@home.example","type":"home"}],
                 "phoneNumbers":[{"value":"+49 30 1234","type":"work"}],
                 "entitlements":[{"value":"ENTERPRISEPACK"}],
                 "roles":[{"value":"GlobalAdministrator"}],
                 "%s":{"department":"R&D","employeeNumber":"42"},
                 "%s":{"usageLocation":"DE","officeLocation":"Berlin",
                       "alternateEmail":"alice@backup.example"}}"""
                    .formatted(tenant.domain(), tenant.domain(), ENT, EXT))
            .expect(201)
            .id();
    bob = server.fixtures().user(op, tenant, "bob");
    op.post(
            "tenants/" + tenant.id() + "/Groups",
            """
            {"displayName":"Engineering","members":[{"value":"%s"},{"value":"%s"}]}"""
                .formatted(alice, bob))
        .expect(201);
    op.post(
            "tenants/" + tenant.id() + "/Groups",
            """
            {"displayName":"admins","members":[{"value":"%s"}]}"""
                .formatted(alice))
        .expect(201);
    // The outbox then writes each user's tenant object id and sync state; compare once it is done.
    server.fixtures().awaitSyncState(op, tenant, alice, "synced");
    server.fixtures().awaitSyncState(op, tenant, bob, "synced");
  }

  @Test
  void userByIdIsAnsweredExactlyAsTheApplicationAnswersIt() {
    for (String user : List.of(alice, bob)) {
      for (String query :
          List.of(
              "",
              "?attributes=userName,emails",
              "?excludedAttributes=emails,groups,meta",
              "?attributes=" + EXT + ":syncState",
              "?attributes=name.givenName,meta")) {
        String path = tenant.users() + "/" + user + query;
        Http.Reply hot = answeredHere(() -> reseller.get(path).expect(200));
        assertSameAnswer(op.get(path).expect(200), hot);
      }
    }
    Http.Reply full = reseller.get(tenant.users() + "/" + alice).expect(200);
    assertEquals("Engineering", full.json().path("groups").get(1).path("display").asText());
    assertEquals("ENTERPRISEPACK", full.json().path("entitlements").get(0).path("value").asText());
    assertEquals("GlobalAdministrator", full.json().path("roles").get(0).path("value").asText());
  }

  @Test
  void userNameFilterIsAnsweredExactlyAsTheApplicationAnswersIt() {
    for (String filter :
        List.of(
            "userName eq \"ALICE@" + tenant.domain() + "\"",
            "USERNAME Eq \"bob@" + tenant.domain() + "\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"alice@"
                + tenant.domain()
                + "\"",
            "userName eq \"nobody@" + tenant.domain() + "\"")) {
      for (String paging :
          List.of("", "&startIndex=1&count=100", "&count=0", "&startIndex=2", "&count=1")) {
        for (String projection :
            List.of("", "&attributes=userName", "&excludedAttributes=emails")) {
          String path =
              tenant.users()
                  + "?filter="
                  + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                  + paging
                  + projection;
          Http.Reply hot = answeredHere(() -> reseller.get(path).expect(200));
          assertSameAnswer(op.get(path).expect(200), hot);
        }
      }
    }
  }

  @Test
  void aTenantTokenAndLimitedAdministrationAreAnsweredHereToo() {
    Http tenantAdmin = server.as(server.fixtures().token("tenant", tenant.id()));
    String path = tenant.users() + "/" + alice;
    assertSameAnswer(op.get(path).expect(200), answeredHere(() -> tenantAdmin.get(path)));

    Http limited = server.fixtures().delegatedReseller(tenant, "LimitedAdministration");
    assertSameAnswer(op.get(path).expect(200), answeredHere(() -> limited.get(path)));
  }

  @Test
  void whatItCannotAnswerExactlyTheApplicationAnswers() {
    String alicePath = tenant.users() + "/" + alice;
    String byName =
        tenant.users()
            + "?filter="
            + URLEncoder.encode(
                "userName eq \"alice@" + tenant.domain() + "\"", StandardCharsets.UTF_8);

    passedOn(() -> server.anonymous().get(alicePath).expectError(401, null));
    passedOn(() -> server.as("no-such-token").get(alicePath).expectError(401, null));
    passedOn(() -> server.as("no-such-token").get(byName).expectError(401, null));
    passedOn(() -> reseller.get(tenant.users() + "/no-such-user").expectError(404, null));
    passedOn(() -> reseller.get(tenant.users() + "/" + alice + "/extra").expect(404));
    Tenant other = server.fixtures().tenant();
    String stranger = server.fixtures().user(op, other, "carol");
    passedOn(() -> reseller.get(other.users() + "/" + stranger).expectError(404, null));
    passedOn(
        () ->
            reseller
                .get(
                    other.users()
                        + "?filter="
                        + URLEncoder.encode(
                            "userName eq \"carol@" + other.domain() + "\"", StandardCharsets.UTF_8))
                .expectError(404, null));
    // A user of another tenant, asked for by id under this tenant's path.
    passedOn(() -> reseller.get(tenant.users() + "/" + stranger).expectError(404, null));

    passedOn(() -> reseller.get(alicePath + "?unknown=1").expect(200));
    String etag = reseller.get(alicePath).expect(200).header("ETag");
    passedOn(() -> reseller.get(alicePath, Map.of("If-None-Match", etag)).expect(304));
    passedOn(() -> reseller.get(alicePath, Map.of("Accept", "application/json")).expect(200));
    passedOn(
        () ->
            reseller
                .get(alicePath + "?attributes=userName&excludedAttributes=emails")
                .expectError(400, "invalidValue"));

    passedOn(
        () ->
            reseller
                .get(tenant.users() + "?filter=userName%20eq")
                .expectError(400, "invalidFilter"));
    passedOn(() -> reseller.get(tenant.users() + "?filter=userName%20eq%2042"));
    passedOn(
        () ->
            reseller
                .get(
                    tenant.users()
                        + "?filter="
                        + URLEncoder.encode("externalId eq \"X-ALICE\"", StandardCharsets.UTF_8))
                .expect(200));
    passedOn(() -> reseller.get(byName + "&sortBy=userName").expect(200));
    passedOn(() -> reseller.get(byName + "&cursor=").expect(200));
    passedOn(() -> reseller.get(byName + "&count=abc").expectError(400, "invalidValue"));
    passedOn(() -> reseller.get(tenant.users()).expect(200));
  }

  @Test
  void deletedUsersAndRevokedAccessEndAtOnce() {
    String path = tenant.users() + "/" + bob;
    answeredHere(() -> reseller.get(path).expect(200));
    op.delete(path).expect(204);
    passedOn(() -> reseller.get(path).expectError(404, null));
    String byName =
        tenant.users()
            + "?filter="
            + URLEncoder.encode(
                "userName eq \"bob@" + tenant.domain() + "\"", StandardCharsets.UTF_8);
    Http.Reply none = answeredHere(() -> reseller.get(byName).expect(200));
    assertEquals(0, none.json().path("totalResults").asInt());

    String alicePath = tenant.users() + "/" + alice;
    Http.Reply issued =
        op.post(
                "ApiTokens",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:ApiToken"],
                 "subject":{"type":"tenant","value":"%s"},"displayName":"revoked soon"}"""
                    .formatted(tenant.id()))
            .expect(201);
    Http tenantAdmin = server.as(issued.json().path("token").asText());
    answeredHere(() -> tenantAdmin.get(alicePath).expect(200));
    op.delete("ApiTokens/" + issued.id()).expect(204);
    passedOn(() -> tenantAdmin.get(alicePath).expectError(401, null));
  }

  /** The reply, after checking this node's fast path answered it. */
  private static Http.Reply answeredHere(Supplier<Http.Reply> request) {
    long before = server.server().hotReads().answered();
    Http.Reply reply = request.get();
    assertEquals(
        before + 1, server.server().hotReads().answered(), "answered by the fast path: " + reply);
    return reply;
  }

  /** The reply, after checking the application answered it. */
  private static Http.Reply passedOn(Supplier<Http.Reply> request) {
    long before = server.server().hotReads().answered();
    Http.Reply reply = request.get();
    assertEquals(
        before, server.server().hotReads().answered(), "passed to the application: " + reply);
    return reply;
  }

  private static void assertSameAnswer(Http.Reply application, Http.Reply hot) {
    assertEquals(application.status(), hot.status(), hot.toString());
    assertEquals(application.body(), hot.body(), hot.toString());
    for (String header : List.of("Content-Type", "ETag", "Location")) {
      assertEquals(application.header(header), hot.header(header), header + " of " + hot);
    }
  }
}
