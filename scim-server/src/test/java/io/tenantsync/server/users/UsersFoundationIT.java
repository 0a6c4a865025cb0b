package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first Users endpoint, end to end: create, read, filter by userName, delete. */
class UsersFoundationIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private static String filter(String expression) {
    return "?filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
  }

  @Test
  void createReadFilterAndDeleteAUser() {
    Tenant tenant = server.fixtures().tenant();
    var created =
        server
            .operator()
            .post(
                tenant.users(),
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"Alice@%s","externalId":"emp-1","name":{"givenName":"Alice"},
                 "emails":[{"value":"alice@example.com","type":"work","primary":true}]}"""
                    .formatted(tenant.domain()))
            .expect(201);
    String id = created.id();
    assertEquals(created.json().path("meta").path("location").asText(), created.header("Location"));
    JsonNode extension =
        created.json().path("urn:tenantsync:scim:schemas:extension:reseller:2.0:User");
    assertEquals(true, extension.path("managed").asBoolean());
    assertEquals("scim", extension.path("source").asText());
    assertEquals("Alice@" + tenant.domain(), extension.path("initialUserName").asText());
    assertEquals("pending", extension.path("syncState").asText());

    var read = server.operator().get(tenant.users() + "/" + id).expect(200).json();
    assertEquals("Alice@" + tenant.domain(), read.path("userName").asText());
    assertEquals("alice@example.com", read.path("emails").get(0).path("value").asText());

    var found =
        server
            .operator()
            .get(tenant.users() + filter("userName eq \"ALICE@" + tenant.domain() + "\""))
            .expect(200)
            .json();
    assertEquals(1, found.path("totalResults").asInt());
    assertEquals(id, found.path("Resources").get(0).path("id").asText());

    server.operator().delete(tenant.users() + "/" + id).expect(204);
    server.operator().get(tenant.users() + "/" + id).expectError(404, null);
    assertEquals(
        0,
        server
            .operator()
            .get(tenant.users() + filter("userName eq \"alice@" + tenant.domain() + "\""))
            .json()
            .path("totalResults")
            .asInt());
  }

  @Test
  void userNameIsUniqueCaseInsensitively() {
    Tenant tenant = server.fixtures().tenant();
    server.fixtures().user(server.operator(), tenant, "bob");
    server
        .operator()
        .post(tenant.users(), "{\"userName\":\"BOB@" + tenant.domain() + "\"}")
        .expectError(409, "uniqueness");
  }

  @Test
  void userNameOutsideTheTenantsDomainsIsRefused() {
    Tenant tenant = server.fixtures().tenant();
    server
        .operator()
        .post(tenant.users(), "{\"userName\":\"carol@elsewhere.com\"}")
        .expectError(400, "invalidValue");
    server
        .operator()
        .post(tenant.users(), "{\"userName\":\"no-at-sign\"}")
        .expectError(400, "invalidValue");
    server
        .operator()
        .post(tenant.users(), "{\"displayName\":\"no userName\"}")
        .expectError(400, "invalidValue");
  }

  @Test
  void rePostAfterDeleteRelinksTheRetainedAccount() {
    Tenant tenant = server.fixtures().tenant();
    String body = "{\"userName\":\"dora@" + tenant.domain() + "\",\"externalId\":\"emp-9\"}";
    String first = server.operator().post(tenant.users(), body).expect(201).id();
    server.operator().delete(tenant.users() + "/" + first).expect(204);

    String second = server.operator().post(tenant.users(), body).expect(201).id();

    assertEquals(first, second);
    server.operator().get(tenant.users() + "/" + second).expect(200);
  }

  @Test
  void listPagesWithStartIndexAndCount() {
    Tenant tenant = server.fixtures().tenant();
    for (int i = 0; i < 5; i++) {
      server.fixtures().user(server.operator(), tenant, "u" + i);
    }
    var page = server.operator().get(tenant.users() + "?startIndex=2&count=2").expect(200).json();
    assertEquals(5, page.path("totalResults").asInt());
    assertEquals(2, page.path("itemsPerPage").asInt());
    assertEquals(2, page.path("startIndex").asInt());
    var none = server.operator().get(tenant.users() + "?count=0").expect(200).json();
    assertEquals(5, none.path("totalResults").asInt());
    assertEquals(0, none.path("Resources").size());
  }

  @Test
  void invalidFilterIsRefused() {
    Tenant tenant = server.fixtures().tenant();
    server.operator().get(tenant.users() + filter("userName eq")).expectError(400, "invalidFilter");
  }
}
