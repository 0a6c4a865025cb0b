package io.tenantsync.server.users;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Filters (RFC 7644 §3.4.2.2) run in SQL, sorting, index and cursor paging, .search. */
class UserSearchIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";
  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  Http op;
  Tenant tenant;

  @BeforeEach
  void users() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    add("alice", "Alice", "Anders", "work", "alice@Contoso.com", "Sales", true);
    add("bob", "Bob", "Brown", "home", "bob@fabrikam.com", "Sales", false);
    add("carol", "Carol", "Clark", "work", "carol@contoso.com", "R&D", true);
    add("dave", "Dave", null, "work", "dave_x@contoso.com", null, true);
  }

  void add(
      String local,
      String given,
      String family,
      String type,
      String email,
      String dept,
      boolean active) {
    op.post(
            tenant.users(),
            """
            {"userName":"%s@%s","externalId":"X-%s","active":%s,
             "name":{"givenName":"%s"%s},"emails":[{"value":"%s","type":"%s","primary":true}]%s}"""
                .formatted(
                    local,
                    tenant.domain(),
                    local.toUpperCase(),
                    active,
                    given,
                    family == null ? "" : ",\"familyName\":\"" + family + "\"",
                    email,
                    type,
                    dept == null ? "" : ",\"" + ENT + "\":{\"department\":\"" + dept + "\"}"))
        .expect(201);
  }

  List<String> find(String filter) {
    return names(
        op.get(
                tenant.users()
                    + "?sortBy=userName&filter="
                    + URLEncoder.encode(filter, StandardCharsets.UTF_8))
            .expect(200)
            .json());
  }

  static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("Resources").forEach(u -> names.add(u.path("userName").asText().split("@")[0]));
    return names;
  }

  @Test
  void everyOperatorWithTheRightCaseRules() {
    assertEquals(List.of("alice"), find("userName eq \"ALICE@" + tenant.domain() + "\""));
    assertEquals(
        List.of("bob", "carol", "dave"), find("userName ne \"alice@" + tenant.domain() + "\""));
    assertEquals(
        List.of("alice", "carol"),
        find("emails.value co \"CONTOSO.com\" and emails.value sw \"a\" or userName sw \"car\""));
    assertEquals(List.of("alice", "carol", "dave"), find("emails ew \"@contoso.com\""));
    assertEquals(List.of("dave"), find("emails.value co \"_x\""), "LIKE wildcards are escaped");
    assertEquals(List.of("alice", "bob", "carol"), find("name.familyName pr"));
    assertEquals(List.of("carol", "dave"), find("name.givenName gt \"Bob\""));
    assertEquals(List.of("bob", "carol", "dave"), find("name.givenName ge \"bob\""));
    assertEquals(List.of("alice"), find("name.givenName lt \"b\""));
    assertEquals(List.of("alice", "bob"), find("name.givenName le \"Bob\""));
    assertEquals(List.of("bob"), find("active eq false"));
    assertEquals(List.of("alice", "carol", "dave"), find("not (active eq false)"));
    assertEquals(List.of("alice", "bob"), find(ENT + ":department eq \"sales\""));
    assertEquals(
        List.of("alice", "carol", "dave"),
        find("(emails[type eq \"work\" and value co \"contoso\"])"));
    assertEquals(List.of(), find("externalId eq \"x-alice\""), "externalId is case-exact");
    assertEquals(List.of("alice"), find("externalId eq \"X-ALICE\""));
    assertEquals(
        List.of("alice", "bob", "carol", "dave"),
        find("meta.lastModified gt \"2000-01-01T00:00:00Z\""));
    assertEquals(List.of(), find("meta.created lt \"2000-01-01T00:00:00Z\""));
    assertEquals(List.of("alice", "bob", "carol", "dave"), find(EXT + ":managed eq true"));
  }

  @Test
  void invalidFiltersAreInvalidFilter() {
    for (String bad :
        List.of(
            "userName eq",
            "nickName eq \"x\"",
            "active co \"t\"",
            "meta.created gt \"yesterday\"",
            "(userName eq \"a\"")) {
      op.get(tenant.users() + "?filter=" + URLEncoder.encode(bad, StandardCharsets.UTF_8))
          .expectError(400, "invalidFilter");
    }
  }

  @Test
  void sortingAscendingAndDescending() {
    JsonNode desc =
        op.get(tenant.users() + "?sortBy=name.givenName&sortOrder=descending").expect(200).json();
    assertEquals(List.of("dave", "carol", "bob", "alice"), names(desc));
    op.get(tenant.users() + "?sortBy=emails").expectError(400, "invalidValue");
    op.get(tenant.users() + "?sortBy=userName&sortOrder=sideways").expectError(400, "invalidValue");
  }

  @Test
  void indexPagingClampsAsTheRfcSays() {
    JsonNode page =
        op.get(tenant.users() + "?sortBy=userName&startIndex=0&count=2").expect(200).json();
    assertEquals(1, page.path("startIndex").asInt());
    assertEquals(List.of("alice", "bob"), names(page));
    JsonNode beyond = op.get(tenant.users() + "?startIndex=99").expect(200).json();
    assertEquals(4, beyond.path("totalResults").asInt());
    assertEquals(0, beyond.path("Resources").size());
    JsonNode last = op.get(tenant.users() + "?sortBy=userName&startIndex=4&count=2").json();
    assertEquals(List.of("dave"), names(last));
    assertEquals(4, last.path("totalResults").asInt(), "a short last page is exact too");
    JsonNode full = op.get(tenant.users() + "?sortBy=userName&startIndex=2&count=3").json();
    assertEquals(4, full.path("totalResults").asInt(), "a full page counts the rest");
    JsonNode filtered =
        op.get(tenant.users() + "?filter=" + URLEncoder.encode("name.givenName sw \"C\"", UTF_8))
            .json();
    assertEquals(1, filtered.path("totalResults").asInt());
    JsonNode negative = op.get(tenant.users() + "?count=-5").expect(200).json();
    assertEquals(0, negative.path("Resources").size());
    op.get(tenant.users() + "?count=many").expectError(400, "invalidValue");
  }

  @Test
  void cursorPagingWalksForwardAndBack() {
    JsonNode first = op.get(tenant.users() + "?sortBy=userName&count=2&cursor=").expect(200).json();
    assertEquals(List.of("alice", "bob"), names(first));
    assertFalse(first.has("startIndex"));
    assertFalse(first.has("previousCursor"));
    String next = first.path("nextCursor").asText();
    JsonNode second =
        op.get(tenant.users() + "?sortBy=userName&count=2&cursor=" + next).expect(200).json();
    assertEquals(List.of("carol", "dave"), names(second));
    assertFalse(second.has("nextCursor"));
    assertEquals(4, first.path("totalResults").asInt());
    assertEquals(4, second.path("totalResults").asInt());
    JsonNode back =
        op.get(
                tenant.users()
                    + "?sortBy=userName&count=2&cursor="
                    + second.path("previousCursor").asText())
            .expect(200)
            .json();
    assertEquals(List.of("alice", "bob"), names(back));
    add("erin", "Erin", "Evans", "work", "erin@contoso.com", null, true);
    JsonNode later =
        op.get(tenant.users() + "?sortBy=userName&count=2&cursor=" + next).expect(200).json();
    assertEquals(List.of("carol", "dave"), names(later));
    assertEquals(
        4,
        later.path("totalResults").asInt(),
        "a page reached by a cursor reports the count its iteration started with");
    assertEquals(
        5,
        op.get(tenant.users() + "?sortBy=userName&count=2&cursor=")
            .json()
            .path("totalResults")
            .asInt(),
        "a new iteration counts again");
    op.get(tenant.users() + "?sortBy=userName&count=2&cursor=garbage")
        .expectError(400, "invalidCursor");
    op.get(tenant.users() + "?sortBy=displayName&count=2&cursor=" + next)
        .expectError(400, "invalidCursor");
    Tenant other = server.fixtures().tenant();
    op.get(other.users() + "?sortBy=userName&count=2&cursor=" + next)
        .expectError(400, "invalidCursor");
  }

  @Test
  void searchByPostTakesTheSameParameters() {
    JsonNode found =
        op.post(
                tenant.users() + "/.search",
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"emails.value ew \\"@contoso.com\\"","sortBy":"userName","sortOrder":"descending",
                 "attributes":["userName"],"startIndex":1,"count":2}""")
            .expect(200)
            .json();
    assertEquals(3, found.path("totalResults").asInt());
    assertEquals(List.of("dave", "carol"), names(found));
    JsonNode user = found.path("Resources").get(0);
    assertTrue(user.has("userName") && !user.has("emails"), user.toString());
  }

  @Test
  void rootSearchSortsEachTypeThatKnowsTheSortAttribute() {
    String groups = "tenants/" + tenant.id() + "/Groups";
    op.post(groups, "{\"displayName\":\"Zeta team\"}").expect(201);
    op.post(groups, "{\"displayName\":\"Alpha team\"}").expect(201);
    String root = "tenants/" + tenant.id() + "/.search";

    JsonNode byUserName =
        op.post(root, "{\"sortBy\":\"userName\",\"sortOrder\":\"descending\"}").expect(200).json();
    assertEquals(6, byUserName.path("totalResults").asInt());
    assertEquals(
        List.of("dave", "carol", "bob", "alice"),
        names(byUserName).subList(0, 4),
        "users sorted by userName; groups cannot sort by it and follow in their own order");
    assertEquals(
        2,
        byUserName.path("Resources").findValues("displayName").stream()
            .filter(name -> name.asText().endsWith("team"))
            .count());

    JsonNode byDisplayName =
        op.post(root, "{\"sortBy\":\"displayName\",\"startIndex\":5,\"count\":2}")
            .expect(200)
            .json();
    List<String> groupNames = new ArrayList<>();
    byDisplayName.path("Resources").forEach(g -> groupNames.add(g.path("displayName").asText()));
    assertEquals(List.of("Alpha team", "Zeta team"), groupNames, "groups sorted too");

    op.post(root, "{\"sortBy\":\"members\"}").expectError(400, "invalidValue");
    op.post(root, "{\"sortBy\":\"nickName\",\"sortOrder\":\"sideways\"}")
        .expectError(400, "invalidValue");
    JsonNode onlyUsers =
        op.post(root, "{\"filter\":\"userName sw \\\"carol\\\"\",\"sortBy\":\"userName\"}")
            .expect(200)
            .json();
    assertEquals(List.of("carol"), names(onlyUsers));
    op.post(root, "{\"filter\":\"noSuchAttribute eq 1\"}").expectError(400, "invalidFilter");
  }

  @Test
  void discoveryAdvertisesWhatIsEnforced() {
    JsonNode config =
        op.get("tenants/" + tenant.id() + "/ServiceProviderConfig").expect(200).json();
    assertTrue(config.path("filter").path("supported").asBoolean());
    assertEquals(1000, config.path("filter").path("maxResults").asInt());
    assertTrue(config.path("sort").path("supported").asBoolean());
    assertTrue(config.path("etag").path("supported").asBoolean());
    assertTrue(config.path("patch").path("supported").asBoolean());
    assertTrue(config.path("pagination").path("cursor").asBoolean());
    JsonNode page = op.get(tenant.users() + "?count=5000").expect(200).json();
    assertTrue(page.path("itemsPerPage").asInt() <= 1000);
    op.get("tenants/" + tenant.id() + "/ResourceTypes/User").expect(200);
    op.get("tenants/" + tenant.id() + "/Schemas/" + EXT).expect(200);
  }
}
