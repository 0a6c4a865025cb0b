package io.tenantsync.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The installation-level resources (Resellers, Tenants, ApiTokens, DelegatedAdminOffers,
 * DelegatedAdminRelationships) speak the same protocol as a tenant's Users: filters and sorting in
 * SQL within what the caller may see, index and cursor paging, {@code .search}, projection, PATCH,
 * ETags; and the installation's ServiceProviderConfig says so.
 */
class InstallationResourcesIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String RESELLER = "urn:tenantsync:scim:schemas:core:2.0:Reseller";

  Http op;
  String prefix;

  @BeforeEach
  void setUp() {
    op = server.operator();
    prefix = Fixtures.unique("acme");
  }

  static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  static List<String> field(JsonNode list, String name) {
    List<String> values = new ArrayList<>();
    list.path("Resources").forEach(r -> values.add(r.path(name).asText()));
    return values;
  }

  @Test
  void resellersAreFilteredSortedAndProjectedInSql() {
    for (String suffix : List.of("b", "C", "a")) {
      server.fixtures().reseller(prefix + "-" + suffix);
    }
    server.fixtures().reseller(Fixtures.unique("other"));

    JsonNode page =
        op.get(
                "Resellers?filter="
                    + q("displayName sw \"" + prefix.toUpperCase() + "\"")
                    + "&sortBy=displayName&sortOrder=descending&attributes=displayName")
            .expect(200)
            .json();
    assertEquals(3, page.path("totalResults").asInt(), "sw compares displayName in any case");
    assertEquals(List.of(prefix + "-C", prefix + "-b", prefix + "-a"), field(page, "displayName"));
    JsonNode first = page.path("Resources").get(0);
    Set<String> names = new HashSet<>();
    first.fieldNames().forEachRemaining(names::add);
    assertEquals(Set.of("schemas", "id", "displayName"), names, first.toString());

    JsonNode excluded =
        op.get(
                "Resellers?filter="
                    + q("displayName eq \"" + prefix + "-a\"")
                    + "&excludedAttributes=meta")
            .expect(200)
            .json();
    assertEquals(1, excluded.path("totalResults").asInt());
    assertFalse(excluded.path("Resources").get(0).has("meta"));

    JsonNode counted =
        op.get("Resellers?count=0&filter=" + q("displayName sw \"" + prefix + "\""))
            .expect(200)
            .json();
    assertEquals(3, counted.path("totalResults").asInt());
    assertTrue(counted.path("Resources").isEmpty());

    JsonNode searched =
        op.post(
                "Resellers/.search",
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"displayName ew \\"-b\\" and displayName sw \\"%s\\"",
                 "attributes":["displayName"]}"""
                    .formatted(prefix))
            .expect(200)
            .json();
    assertEquals(List.of(prefix + "-b"), field(searched, "displayName"));

    op.get("Resellers?filter=" + q("nickName eq \"x\"")).expectError(400, "invalidFilter");
    op.get("Resellers?filter=" + q("displayName eq")).expectError(400, "invalidFilter");
    op.get("Resellers?sortBy=schemas").expectError(400, "invalidValue");
  }

  @Test
  void aResellerListsOnlyWhatItMaySeeAndItsCursorsStayItsOwn() {
    String resellerId = server.fixtures().reseller(prefix);
    Http reseller = server.as(server.fixtures().token("reseller", resellerId));
    List<String> own = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      own.add(server.fixtures().tenant(reseller).id());
    }
    server.fixtures().tenant(); // the operator's, invisible to the reseller

    JsonNode all = reseller.get("Tenants?filter=" + q("id pr")).expect(200).json();
    assertEquals(5, all.path("totalResults").asInt());
    assertEquals(new HashSet<>(own), new HashSet<>(field(all, "id")));
    JsonNode self = reseller.get("Resellers").expect(200).json();
    assertEquals(List.of(resellerId), field(self, "id"));

    List<String> walked = new ArrayList<>();
    String cursor = "";
    String firstNext = null;
    do {
      JsonNode page =
          reseller.get("Tenants?sortBy=meta.created&count=2&cursor=" + cursor).expect(200).json();
      assertEquals(5, page.path("totalResults").asInt());
      walked.addAll(field(page, "id"));
      cursor = page.path("nextCursor").asText("");
      firstNext = firstNext == null ? cursor : firstNext;
    } while (!cursor.isEmpty());
    assertEquals(own, walked, "the cursor walk sees each tenant once, oldest first");

    op.get("Tenants?sortBy=meta.created&count=2&cursor=" + firstNext)
        .expectError(400, "invalidCursor");
    reseller
        .get("Resellers?sortBy=meta.created&count=2&cursor=" + firstNext)
        .expectError(400, "invalidCursor");
  }

  @Test
  void tenantsAreFoundByDomainAndSettingsInAnyCase() {
    Tenant tenant = server.fixtures().tenant();
    String domain = prefix + ".example.com";
    op.patch(
            "Tenants/" + tenant.id(),
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"domains","value":[{"value":"%s"}]}]}"""
                .formatted(domain))
        .expect(200);

    JsonNode byDomain =
        op.get("Tenants?filter=" + q("domains[value eq \"" + domain.toUpperCase() + "\"]"))
            .expect(200)
            .json();
    assertEquals(List.of(tenant.id()), field(byDomain, "id"));
    JsonNode unverified =
        op.get(
                "Tenants?filter="
                    + q("domains.value eq \"" + domain + "\" and domains.verified eq false"))
            .expect(200)
            .json();
    assertEquals(1, unverified.path("totalResults").asInt());
    JsonNode byInitial =
        op.get("Tenants?filter=" + q("initialDomain eq \"" + tenant.domain().toUpperCase() + "\""))
            .expect(200)
            .json();
    assertEquals(List.of(tenant.id()), field(byInitial, "id"));
  }

  @Test
  void patchAppliesOperationsInOneTransactionWithTheReplaceRules() {
    String id = server.fixtures().reseller(prefix);
    Http.Reply read = op.get("Resellers/" + id).expect(200);
    String etag = read.header("ETag");

    JsonNode patched =
        op.patch(
                "Resellers/" + id + "?attributes=displayName,externalId",
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","value":{"displayName":"%s renamed"}},
                               {"op":"add","path":"externalId","value":"crm-42"}]}"""
                    .formatted(prefix),
                Map.of("If-Match", etag))
            .expect(200)
            .json();
    assertEquals(prefix + " renamed", patched.path("displayName").asText());
    assertEquals("crm-42", patched.path("externalId").asText());
    assertFalse(patched.has("meta"), "the response honours attributes");
    Http.Reply after = op.get("Resellers/" + id).expect(200);
    assertNotEquals(etag, after.header("ETag"));
    assertEquals("crm-42", after.json().path("externalId").asText());

    op.patch(
            "Resellers/" + id,
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"displayName","value":"stale"}]}""",
            Map.of("If-Match", etag))
        .expectError(412, null);
    op.patch(
            "Resellers/" + id,
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"remove","path":"displayName"}]}""")
        .expectError(400, "invalidValue");
    op.patch(
            "Resellers/" + id,
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"id","value":"mine"}]}""")
        .expectError(400, "mutability");
    op.patch("Resellers/" + id, "{\"Operations\":\"replace everything\"}")
        .expectError(400, "invalidSyntax");
    assertEquals(
        prefix + " renamed", op.get("Resellers/" + id).json().path("displayName").asText());
    op.get("Resellers/" + id, Map.of("If-None-Match", after.header("ETag"))).expect(304);

    String tokenId =
        op.post(
                "ApiTokens",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:ApiToken"],
                 "subject":{"type":"reseller","value":"%s"},"displayName":"ci"}"""
                    .formatted(id))
            .expect(201)
            .id();
    op.patch(
            "ApiTokens/" + tokenId,
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"displayName","value":"x"}]}""")
        .expectError(405, null);
    JsonNode tokens =
        op.get(
                "ApiTokens?filter="
                    + q("subject.value eq \"" + id + "\" and subject.type eq \"RESELLER\""))
            .expect(200)
            .json();
    assertEquals(List.of(tokenId), field(tokens, "id"));
    assertFalse(tokens.path("Resources").get(0).has("token"), "the secret is shown only once");
  }

  @Test
  void discoveryAdvertisesWhatTheInstallationLevelDoes() {
    JsonNode config = op.get("ServiceProviderConfig").expect(200).json();
    assertTrue(config.path("filter").path("supported").asBoolean());
    assertTrue(config.path("sort").path("supported").asBoolean());
    assertTrue(config.path("patch").path("supported").asBoolean());
    assertTrue(config.path("etag").path("supported").asBoolean());
    assertFalse(config.path("bulk").path("supported").asBoolean());
    assertTrue(config.path("pagination").path("cursor").asBoolean());
    Iterator<JsonNode> types = op.get("ResourceTypes").json().path("Resources").elements();
    Set<String> names = new HashSet<>();
    types.forEachRemaining(type -> names.add(type.path("name").asText()));
    assertTrue(names.containsAll(Set.of("Reseller", "Tenant", "ApiToken")), names.toString());
  }
}
