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
  static final FastPath fastPath = new FastPath(server);

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
        Http.Reply hot = fastPath.answered(() -> reseller.get(path).expect(200));
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
          Http.Reply hot = fastPath.answered(() -> reseller.get(path).expect(200));
          assertSameAnswer(op.get(path).expect(200), hot);
        }
      }
    }
  }

  @Test
  void aTenantTokenAndLimitedAdministrationAreAnsweredHereToo() {
    Http tenantAdmin = server.as(server.fixtures().token("tenant", tenant.id()));
    String path = tenant.users() + "/" + alice;
    assertSameAnswer(op.get(path).expect(200), fastPath.answered(() -> tenantAdmin.get(path)));

    Http limited = server.fixtures().delegatedReseller(tenant, "LimitedAdministration");
    assertSameAnswer(op.get(path).expect(200), fastPath.answered(() -> limited.get(path)));
  }

  @Test
  void whatItCannotAnswerExactlyTheApplicationAnswers() {
    String alicePath = tenant.users() + "/" + alice;
    String byName =
        tenant.users()
            + "?filter="
            + URLEncoder.encode(
                "userName eq \"alice@" + tenant.domain() + "\"", StandardCharsets.UTF_8);

    fastPath.passedOn(() -> server.anonymous().get(alicePath).expectError(401, null));
    fastPath.passedOn(() -> server.as("no-such-token").get(alicePath).expectError(401, null));
    fastPath.passedOn(() -> server.as("no-such-token").get(byName).expectError(401, null));
    fastPath.passedOn(() -> reseller.get(tenant.users() + "/no-such-user").expectError(404, null));
    fastPath.passedOn(() -> reseller.get(tenant.users() + "/" + alice + "/extra").expect(404));
    Tenant other = server.fixtures().tenant();
    String stranger = server.fixtures().user(op, other, "carol");
    fastPath.passedOn(() -> reseller.get(other.users() + "/" + stranger).expectError(404, null));
    fastPath.passedOn(
        () ->
            reseller
                .get(
                    other.users()
                        + "?filter="
                        + URLEncoder.encode(
                            "userName eq \"carol@" + other.domain() + "\"", StandardCharsets.UTF_8))
                .expectError(404, null));
    // A user of another tenant, asked for by id under this tenant's path.
    fastPath.passedOn(() -> reseller.get(tenant.users() + "/" + stranger).expectError(404, null));

    fastPath.passedOn(() -> reseller.get(alicePath + "?unknown=1").expect(200));
    String etag = reseller.get(alicePath).expect(200).header("ETag");
    fastPath.passedOn(() -> reseller.get(alicePath, Map.of("If-None-Match", etag)).expect(304));
    fastPath.passedOn(
        () -> reseller.get(alicePath, Map.of("Accept", "application/json")).expect(200));
    fastPath.passedOn(
        () ->
            reseller
                .get(alicePath + "?attributes=userName&excludedAttributes=emails")
                .expectError(400, "invalidValue"));

    fastPath.passedOn(
        () ->
            reseller
                .get(tenant.users() + "?filter=userName%20eq")
                .expectError(400, "invalidFilter"));
    fastPath.passedOn(() -> reseller.get(tenant.users() + "?filter=userName%20eq%2042"));
    fastPath.passedOn(
        () ->
            reseller
                .get(
                    tenant.users()
                        + "?filter="
                        + URLEncoder.encode("externalId eq \"X-ALICE\"", StandardCharsets.UTF_8))
                .expect(200));
    fastPath.passedOn(() -> reseller.get(byName + "&sortBy=userName").expect(200));
    fastPath.passedOn(() -> reseller.get(byName + "&cursor=").expect(200));
    fastPath.passedOn(() -> reseller.get(byName + "&count=abc").expectError(400, "invalidValue"));
    fastPath.passedOn(() -> reseller.get(tenant.users()).expect(200));
  }

  @Test
  void deletedUsersAndRevokedAccessEndAtOnce() {
    String path = tenant.users() + "/" + bob;
    fastPath.answered(() -> reseller.get(path).expect(200));
    op.delete(path).expect(204);
    fastPath.passedOn(() -> reseller.get(path).expectError(404, null));
    String byName =
        tenant.users()
            + "?filter="
            + URLEncoder.encode(
                "userName eq \"bob@" + tenant.domain() + "\"", StandardCharsets.UTF_8);
    Http.Reply none = fastPath.answered(() -> reseller.get(byName).expect(200));
    assertEquals(0, none.json().path("totalResults").asInt());

    String alicePath = tenant.users() + "/" + alice;
    Http.Reply issued = server.fixtures().issueToken("tenant", tenant.id());
    Http tenantAdmin = server.as(issued.json().path("token").asText());
    fastPath.answered(() -> tenantAdmin.get(alicePath).expect(200));
    op.delete("ApiTokens/" + issued.id()).expect(204);
    fastPath.passedOn(() -> tenantAdmin.get(alicePath).expectError(401, null));
  }

  private static void assertSameAnswer(Http.Reply application, Http.Reply hot) {
    assertEquals(application.status(), hot.status(), hot.toString());
    assertEquals(application.body(), hot.body(), hot.toString());
    for (String header : List.of("Content-Type", "ETag", "Location")) {
      assertEquals(application.header(header), hot.header(header), header + " of " + hot);
    }
  }
}
