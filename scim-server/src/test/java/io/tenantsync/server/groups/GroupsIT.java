package io.tenantsync.server.groups;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Groups end to end (RFC 7643 §4.2, RFC 7644 §3), in the dialects Entra ID and Okta send. */
class GroupsIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private Http op;
  private Tenant tenant;
  private String ann;
  private String bob;
  private String cid;

  @BeforeEach
  void createUsers() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    ann = server.fixtures().user(op, tenant, "ann");
    bob = server.fixtures().user(op, tenant, "bob");
    cid = server.fixtures().user(op, tenant, "cid");
  }

  private String groups() {
    return groups(tenant);
  }

  private static String groups(Tenant tenant) {
    return "tenants/" + tenant.id() + "/Groups";
  }

  private String group(String id) {
    return groups() + "/" + id;
  }

  private String create(String displayName, String... members) {
    return op.post(groups(), groupJson(displayName, members)).expect(201).id();
  }

  private static String groupJson(String displayName, String... members) {
    List<String> values = new ArrayList<>();
    for (String member : members) {
      values.add("{\"value\":\"" + member + "\"}");
    }
    return """
           {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName":"%s","members":[%s]}"""
        .formatted(displayName, String.join(",", values));
  }

  private Http.Reply patch(String id, String operations) {
    return op.patch(
        group(id), "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}");
  }

  private Set<String> members(String id) {
    return memberIds(op.get(group(id)).expect(200).json());
  }

  private static Set<String> memberIds(JsonNode group) {
    Set<String> ids = new HashSet<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }

  private static String filter(String expression) {
    return "?filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> ids(JsonNode list) {
    Set<String> ids = new HashSet<>();
    list.path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
    return ids;
  }

  @Test
  void createWithUserAndGroupMembers() {
    String child = create("Child");
    var created =
        op.post(
                groups(),
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName":"Parent","externalId":"ext-1",
                 "members":[{"value":"%s"},{"value":"%s","type":"Group"},{"value":"%s"}]}"""
                    .formatted(ann, child, ann))
            .expect(201);
    JsonNode body = created.json();
    assertEquals(body.path("meta").path("location").asText(), created.header("Location"));
    assertEquals(body.path("meta").path("version").asText(), created.header("ETag"));
    assertEquals("Group", body.path("meta").path("resourceType").asText());
    assertEquals("Parent", body.path("displayName").asText());
    assertEquals("ext-1", body.path("externalId").asText());
    assertEquals(Set.of(ann, child), memberIds(body));
    for (JsonNode member : body.path("members")) {
      boolean isUser = member.path("value").asText().equals(ann);
      assertEquals(isUser ? "User" : "Group", member.path("type").asText());
      assertTrue(
          member
              .path("$ref")
              .asText()
              .endsWith((isUser ? "/Users/" : "/Groups/") + member.path("value").asText()),
          member.toString());
      assertEquals(isUser ? "ann@" + tenant.domain() : "Child", member.path("display").asText());
    }
    assertEquals(Set.of(ann, child), members(body.path("id").asText()));
  }

  @Test
  void displayNameAndExternalIdAreUniquePerTenant() {
    op.post(groups(), "{\"displayName\":\"Sales\",\"externalId\":\"e-1\"}").expect(201);
    op.post(groups(), "{\"displayName\":\"SALES\"}").expectError(409, "uniqueness");
    op.post(groups(), "{\"displayName\":\"Other\",\"externalId\":\"e-1\"}")
        .expectError(409, "uniqueness");
    String other = create("Marketing");
    op.put(group(other), "{\"displayName\":\"sales\"}").expectError(409, "uniqueness");
    patch(other, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Sales\"}]")
        .expectError(409, "uniqueness");
    Tenant second = server.fixtures().tenant();
    op.post(groups(second), "{\"displayName\":\"Sales\",\"externalId\":\"e-1\"}").expect(201);
  }

  @Test
  void unknownForeignOrMistypedMembersAreRefusedByName() {
    Tenant second = server.fixtures().tenant();
    String foreign = server.fixtures().user(op, second, "zed");
    String missing = "0190aaaa-0000-7000-8000-000000000000";
    var reply = op.post(groups(), groupJson("G", ann, missing)).expectError(400, "invalidValue");
    assertTrue(reply.json().path("detail").asText().contains(missing), reply.toString());
    reply = op.post(groups(), groupJson("G", foreign)).expectError(400, "invalidValue");
    assertTrue(reply.json().path("detail").asText().contains(foreign), reply.toString());
    op.post(
            groups(),
            "{\"displayName\":\"G\",\"members\":[{\"value\":\"" + ann + "\",\"type\":\"Group\"}]}")
        .expectError(400, "invalidValue");
    op.post(groups(), "{\"displayName\":\"G\",\"members\":[{\"display\":\"x\"}]}")
        .expectError(400, "invalidValue");
    op.post(groups(), "{\"members\":[]}").expectError(400, "invalidValue");
    String existing = create("Existing");
    reply =
        patch(
                existing,
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + missing
                    + "\"}]}]")
            .expectError(400, "invalidValue");
    assertTrue(reply.json().path("detail").asText().contains(missing), reply.toString());
    patch(
            existing,
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + existing + "\"}]}]")
        .expectError(400, "invalidValue");
    assertEquals(
        0, op.get(groups() + filter("displayName eq \"G\"")).json().path("totalResults").asInt());
  }

  @Test
  void listFilterSortAndPage() {
    String sales = create("Sales", ann, bob);
    String support = create("Support", bob);
    String admins = create("admins");
    op.patch(
            group(admins),
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"externalId\",\"value\":\"ext-A\"}]}")
        .expect(200);

    JsonNode all = op.get(groups() + "?sortBy=displayName").expect(200).json();
    assertEquals(3, all.path("totalResults").asInt());
    List<String> names = new ArrayList<>();
    all.path("Resources").forEach(group -> names.add(group.path("displayName").asText()));
    assertEquals(List.of("admins", "Sales", "Support"), names);

    assertEquals(Set.of(sales), ids(op.get(groups() + filter("displayName eq \"SALES\"")).json()));
    assertEquals(Set.of(admins), ids(op.get(groups() + filter("externalId eq \"ext-A\"")).json()));
    assertEquals(Set.of(), ids(op.get(groups() + filter("externalId eq \"EXT-A\"")).json()));
    assertEquals(
        Set.of(sales, support),
        ids(op.get(groups() + filter("members[value eq \"" + bob + "\"]")).json()));
    assertEquals(
        Set.of(sales), ids(op.get(groups() + filter("members.value eq \"" + ann + "\"")).json()));
    assertEquals(
        Set.of(support),
        ids(
            op.get(
                    groups()
                        + filter("displayName sw \"Su\" and members[value eq \"" + bob + "\"]")
                        + "&excludedAttributes=members")
                .json()));
    assertEquals(
        Set.of(sales, support),
        ids(
            op.get(
                    groups()
                        + filter(
                            "displayName sw \"s\" or id eq \""
                                + admins
                                + "\" and displayName eq \"x\""))
                .json()));
    assertEquals(
        Set.of(sales, admins),
        ids(
            op.get(
                    groups()
                        + filter("members.value eq \"" + ann + "\" or displayName eq \"admins\""))
                .json()),
        "membership combines with or like any condition");
    assertEquals(
        Set.of(admins),
        ids(op.get(groups() + filter("not (members pr)")).json()),
        "a group without members");
    assertEquals(
        Set.of(),
        ids(op.get(groups() + filter("members[type eq \"group\"]")).json()),
        "no group has a group as member");
    op.get(groups() + filter("members.display eq \"Ann\"")).expectError(400, "invalidFilter");
    op.get(groups() + filter("title eq \"x\"")).expectError(400, "invalidFilter");
    op.get(groups() + filter("displayName eq")).expectError(400, "invalidFilter");

    JsonNode page =
        op.get(groups() + "?sortBy=displayName&sortOrder=descending&startIndex=2&count=1").json();
    assertEquals(3, page.path("totalResults").asInt());
    assertEquals(2, page.path("startIndex").asInt());
    assertEquals(1, page.path("itemsPerPage").asInt());
    assertEquals("Sales", page.path("Resources").get(0).path("displayName").asText());

    JsonNode countOnly = op.get(groups() + "?count=0").expect(200).json();
    assertEquals(3, countOnly.path("totalResults").asInt());
    assertTrue(countOnly.path("Resources").isEmpty());

    JsonNode search =
        op.post(
                groups() + "/.search",
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"displayName eq \\"support\\"","attributes":["displayName"]}""")
            .expect(200)
            .json();
    assertEquals(1, search.path("totalResults").asInt());
    assertEquals(Set.of("schemas", "id", "displayName"), fields(search.path("Resources").get(0)));

    JsonNode withMembers = op.get(groups() + filter("displayName eq \"Sales\"")).json();
    assertEquals(Set.of(ann, bob), memberIds(withMembers.path("Resources").get(0)));

    JsonNode firstCursorPage =
        op.get(groups() + "?sortBy=displayName&count=2&cursor=").expect(200).json();
    List<String> walked = new ArrayList<>();
    firstCursorPage.path("Resources").forEach(g -> walked.add(g.path("displayName").asText()));
    assertEquals(3, firstCursorPage.path("totalResults").asInt());
    JsonNode secondCursorPage =
        op.get(
                groups()
                    + "?sortBy=displayName&count=2&cursor="
                    + firstCursorPage.path("nextCursor").asText())
            .expect(200)
            .json();
    secondCursorPage.path("Resources").forEach(g -> walked.add(g.path("displayName").asText()));
    assertEquals(List.of("admins", "Sales", "Support"), walked, "groups are cursor-paged too");
    assertTrue(secondCursorPage.has("previousCursor"));
    assertFalse(secondCursorPage.has("nextCursor"));
    op.get(groups() + "?count=2&cursor=" + firstCursorPage.path("nextCursor").asText())
        .expectError(400, "invalidCursor");
  }

  @Test
  void putReplacesAttributesAndMembers() {
    String id =
        op.post(
                groups(),
                "{\"displayName\":\"Sales\",\"externalId\":\"e-9\",\"members\":[{\"value\":\""
                    + ann
                    + "\"},{\"value\":\""
                    + bob
                    + "\"}]}")
            .expect(201)
            .id();
    JsonNode replaced =
        op.put(
                group(id),
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"ignored",
                 "displayName":"Sales EU","members":[{"value":"%s"},{"value":"%s"}]}"""
                    .formatted(bob, cid))
            .expect(200)
            .json();
    assertEquals(id, replaced.path("id").asText());
    assertEquals("Sales EU", replaced.path("displayName").asText());
    assertTrue(replaced.path("externalId").isMissingNode(), "absent externalId is cleared");
    assertEquals(Set.of(bob, cid), memberIds(replaced));
    assertEquals(Set.of(bob, cid), members(id));
    op.put(group(id), "{\"displayName\":\"Sales EU\"}").expect(200);
    assertEquals(Set.of(), members(id));
  }

  @Test
  void entraAddsToAnEmptyGroupThenRemovesByFilterAndByValue() {
    String id = create("Entra");
    JsonNode added =
        patch(
                id,
                """
[{"op":"Add","path":"members","value":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}]"""
                    .formatted(ann, bob, cid))
            .expect(200)
            .json();
    assertEquals(Set.of(ann, bob, cid), memberIds(added));
    patch(id, "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
        .expect(200);
    assertEquals(Set.of(ann, bob, cid), members(id), "adding a member twice is a no-op");

    patch(id, "[{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}]")
        .expect(200);
    assertEquals(Set.of(bob, cid), members(id));
    patch(id, "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}]")
        .expect(200);
    assertEquals(Set.of(cid), members(id), "remove by value array removes only that member");
    patch(id, "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
        .expect(200);
    assertEquals(Set.of(cid), members(id), "removing a non-member is a no-op");
  }

  @Test
  void oktaReplacesMembersIncludingWithAnEmptyList() {
    String id = create("Okta", ann);
    patch(
            id,
            """
[{"op":"replace","path":"members","value":[{"value":"%s","display":"bob"},{"value":"%s"}]}]"""
                .formatted(bob, cid))
        .expect(200);
    assertEquals(Set.of(bob, cid), members(id));
    JsonNode renamed =
        patch(
                id,
                "[{\"op\":\"replace\",\"value\":{\"id\":\""
                    + id
                    + "\",\"displayName\":\"Okta 2\"}}]")
            .expect(200)
            .json();
    assertEquals("Okta 2", renamed.path("displayName").asText());
    assertEquals(Set.of(bob, cid), memberIds(renamed), "a rename leaves members alone");
    patch(id, "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]").expect(200);
    assertEquals(Set.of(), members(id));
    patch(id, "[{\"op\":\"replace\",\"value\":{\"members\":[{\"value\":\"" + ann + "\"}]}}]")
        .expect(200);
    assertEquals(Set.of(ann), members(id));
    patch(id, "[{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"" + bob + "\"}]}}]")
        .expect(200);
    assertEquals(Set.of(ann, bob), members(id));
  }

  @Test
  void removeMembersWithoutValueRemovesThemAll() {
    String id = create("All", ann, bob, cid);
    JsonNode result = patch(id, "[{\"op\":\"remove\",\"path\":\"members\"}]").expect(200).json();
    assertTrue(result.path("members").isMissingNode());
    assertEquals(Set.of(), members(id));
  }

  @Test
  void patchesOfDisplayNameAndExternalId() {
    String id = create("Names", ann);
    assertEquals(
        "Renamed",
        patch(id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}]")
            .expect(200)
            .json()
            .path("displayName")
            .asText());
    assertEquals(
        "x-1",
        patch(id, "[{\"op\":\"add\",\"path\":\"externalId\",\"value\":\"x-1\"}]")
            .expect(200)
            .json()
            .path("externalId")
            .asText());
    assertEquals(
        "x-2",
        patch(id, "[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"x-2\"}]")
            .expect(200)
            .json()
            .path("externalId")
            .asText());
    JsonNode removed =
        patch(id, "[{\"op\":\"remove\",\"path\":\"externalId\"}]").expect(200).json();
    assertTrue(removed.path("externalId").isMissingNode());
    assertEquals(Set.of(ann), memberIds(removed));
    patch(id, "[{\"op\":\"remove\",\"path\":\"displayName\"}]").expectError(400, "invalidValue");
    patch(
            id,
            "[{\"op\":\"replace\",\"path\":\"members[value eq \\\""
                + ann
                + "\\\"]\",\"value\":[]}]")
        .expectError(400, "invalidPath");
    patch(id, "[{\"op\":\"remove\",\"path\":\"members[display eq \\\"x\\\"]\"}]")
        .expectError(400, "invalidFilter");
    patch(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":\"" + bob + "\"}]")
        .expectError(400, "invalidValue");
    assertEquals("Renamed", op.get(group(id)).json().path("displayName").asText());
  }

  @Test
  void projectionOnReadsAndWrites() {
    String id = create("Projected", ann, bob);
    JsonNode lean = op.get(group(id) + "?excludedAttributes=members").expect(200).json();
    assertTrue(lean.path("members").isMissingNode());
    assertEquals("Projected", lean.path("displayName").asText());
    assertEquals(
        Set.of("schemas", "id", "displayName"),
        fields(op.get(group(id) + "?attributes=displayName").expect(200).json()));
    assertEquals(
        Set.of("schemas", "id", "members"),
        fields(op.get(group(id) + "?attributes=members.value").expect(200).json()));
    var patched =
        op.patch(
                group(id) + "?excludedAttributes=members",
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + cid
                    + "\"}]}]}")
            .expect(200);
    assertTrue(patched.json().path("members").isMissingNode());
    assertTrue(patched.header("ETag").startsWith("W/"));
    var created = op.post(groups() + "?attributes=id", groupJson("Lean", ann)).expect(201);
    assertEquals(Set.of("schemas", "id"), fields(created.json()));
    assertTrue(created.header("Location").contains("/Groups/"));
    JsonNode put =
        op.put(group(id) + "?attributes=displayName", groupJson("Projected", ann))
            .expect(200)
            .json();
    assertEquals(Set.of("schemas", "id", "displayName"), fields(put));
    JsonNode list = op.get(groups() + "?excludedAttributes=members").expect(200).json();
    list.path("Resources").forEach(group -> assertFalse(group.has("members")));
    op.get(group(id) + "?attributes=displayName&excludedAttributes=members")
        .expectError(400, "invalidValue");
  }

  @Test
  void etagsGuardWritesAndMoveWithMembers() {
    String id = create("Tagged", ann);
    var read = op.get(group(id)).expect(200);
    String etag = read.header("ETag");
    assertEquals(read.json().path("meta").path("version").asText(), etag);
    op.get(group(id), Map.of("If-None-Match", etag)).expect(304);
    String next =
        op.patch(
                group(id),
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + bob
                    + "\"}]}]}",
                Map.of("If-Match", etag))
            .expect(200)
            .header("ETag");
    assertNotEquals(etag, next, "a member change moves the version on");
    op.patch(
            group(id),
            "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}",
            Map.of("If-Match", etag))
        .expectError(412, null);
    op.put(group(id), groupJson("Tagged"), Map.of("If-Match", etag)).expectError(412, null);
    op.delete(group(id), Map.of("If-Match", etag)).expectError(412, null);
    assertEquals(Set.of(ann, bob), members(id));
    op.get(group(id), Map.of("If-None-Match", next)).expect(304);
    op.delete(group(id), Map.of("If-Match", next)).expect(204);
  }

  @Test
  void deleteAnswers404AndLeavesParentGroups() {
    String child = create("Child", ann);
    String parent = create("Parent", child, bob);
    String parentEtag = op.get(group(parent)).header("ETag");
    op.delete(group(child)).expect(204);
    op.get(group(child)).expectError(404, null);
    op.delete(group(child)).expectError(404, null);
    var after = op.get(group(parent)).expect(200);
    assertEquals(Set.of(bob), memberIds(after.json()));
    assertNotEquals(parentEtag, after.header("ETag"));
  }

  @Test
  void aDeletedUserIsNoLongerAMember() {
    String id = create("Leavers", ann, bob);
    op.delete(tenant.users() + "/" + ann).expect(204);
    assertEquals(Set.of(bob), members(id));
    assertEquals(
        Set.of(), ids(op.get(groups() + filter("members[value eq \"" + ann + "\"]")).json()));
    patch(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
        .expectError(400, "invalidValue");
  }

  @Test
  void limitedAdministrationReadsButCannotWrite() {
    String id = create("Guarded", ann);
    Http limited = server.fixtures().delegatedReseller(tenant, "LimitedAdministration");

    assertEquals(Set.of(ann), memberIds(limited.get(group(id)).expect(200).json()));
    assertEquals(1, limited.get(groups()).expect(200).json().path("totalResults").asInt());
    limited.post(groups(), groupJson("New")).expectError(403, null);
    limited.put(group(id), groupJson("Guarded")).expectError(403, null);
    limited
        .patch(group(id), "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}")
        .expectError(403, null);
    limited.delete(group(id)).expectError(403, null);
    assertEquals(Set.of(ann), members(id));
  }

  @Test
  void anotherTenantSees404() {
    String id = create("Private", ann);
    Tenant other = server.fixtures().tenant();
    Http otherAdmin = server.as(server.fixtures().token("tenant", other.id()));
    otherAdmin.get(group(id)).expectError(404, null);
    otherAdmin.get(groups()).expectError(404, null);
    otherAdmin.delete(group(id)).expectError(404, null);
    otherAdmin.get(groups(other) + "/" + id).expectError(404, null);
    op.get(groups(other) + "/" + id).expectError(404, null);
    String stranger = server.fixtures().reseller(Fixtures.unique("r"));
    server.as(server.fixtures().token("reseller", stranger)).get(group(id)).expectError(404, null);
  }

  @Test
  void concurrentMemberAddsWithoutIfMatchLoseNothing() throws Exception {
    String id = create("Busy");
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      users.add(server.fixtures().user(op, tenant, "c" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    try {
      List<Future<?>> results = new ArrayList<>();
      for (String user : users) {
        results.add(
            pool.submit(
                () ->
                    patch(
                            id,
                            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                                + user
                                + "\"},{\"value\":\""
                                + ann
                                + "\"}]}]")
                        .expect(200)));
      }
      for (Future<?> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> expected = new HashSet<>(users);
    expected.add(ann);
    assertEquals(expected, members(id));
  }
}
