package io.tenantsync.conformance.replay;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the Microsoft Entra ID provisioning service sends, request for request. The bodies are the
 * files under {@code replays/entra/}, whose {@code replays/README.md} names the page and section
 * each one is copied from:
 *
 * <ul>
 *   <li>[TUTORIAL] "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra
 *       ID" (learn.microsoft.com), "SCIM protocol requests and responses";
 *   <li>[FLAGS] "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft
 *       Entra user provisioning service", "Flags to alter the SCIM behavior": without the feature
 *       flag (Entra's default) and with {@code aadOptscim062020}.
 * </ul>
 *
 * Every check asserts the status of each request it replays and then reads the resulting state back
 * with a GET: a server that answers 200 without doing anything fails.
 */
@Tag("entra")
public class EntraIdReplays extends ConformanceCheck {

  private String testUserName() {
    return "Test_User_" + UUID.randomUUID() + "@" + scim.target().userDomain();
  }

  /** [TUTORIAL] Create User › Request. */
  private static String createUserBody(final String userName) {
    return Replay.of("entra/tutorial-create-user.json")
        .body(
            "externalId",
            UUID.randomUUID().toString(),
            "userName",
            userName,
            "email",
            "Test_User_" + UUID.randomUUID() + "@testuser.com");
  }

  /** [TUTORIAL] Get User by query: {@code GET /Users?filter=userName eq "…"}, URL-encoded. */
  private ScimResponse getUserByQuery(final String userName) {
    return get("/Users?filter=" + ScimHttp.enc("userName eq \"" + userName + "\""));
  }

  /** Entra's provisioning of one user: query by userName (zero results), then Create User. */
  private String provisionedUser() {
    final String userName = testUserName();
    assertThat(getUserByQuery(userName)).listResponse().number("/totalResults", 0);
    return scim.createUser(createUserBody(userName)).path("id").asText();
  }

  /** A PATCH answered 200 (with the resource) or 204; returns the resource read back by GET. */
  private ResponseAssert patchThenGet(final String location, final String body) {
    final ScimResponse patched = patch(location, body);
    assertThat(patched).status(200, 204);
    final String id = location.substring(location.lastIndexOf('/') + 1);
    if (patched.status() == 200) {
      assertThat(patched).scimJson().text("/id", id);
    }
    return assertThat(get(location)).status(200).scimJson().text("/id", id);
  }

  private ResponseAssert patchUser(final String id, final String body) {
    return patchThenGet("/Users/" + id, body);
  }

  private ResponseAssert patchGroup(final String id, final String body) {
    return patchThenGet("/Groups/" + id, body);
  }

  /** [TUTORIAL] Create Group › Request: created without members, with Entra's ADSCIM URN. */
  private static String createGroupBody(final String displayName) {
    return Replay.of("entra/tutorial-create-group.json")
        .body("externalId", UUID.randomUUID().toString(), "displayName", displayName);
  }

  /**
   * "Groups are created with an empty members list" [TUTORIAL]: Create Group, then one Update Group
   * [Add Members] per member; the GET afterwards shows them all.
   */
  private String groupWith(final String... members) {
    final String group =
        scim.createGroup(createGroupBody("displayName-" + Scim.random())).path("id").asText();
    for (final String member : members) {
      assertThat(
              patch(
                  "/Groups/" + group,
                  Replay.of("entra/tutorial-update-group-add-members.json").body("member", member)))
          .status(200, 204);
    }
    assertThat(get("/Groups/" + group))
        .status(200)
        .satisfies(json -> memberIds(json).equals(Set.of(members)), "members " + Set.of(members));
    return group;
  }

  private static Set<String> memberIds(final JsonNode group) {
    final TreeSet<String> ids = new TreeSet<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }

  // ---- [TUTORIAL] User Operations ----

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Get User by query finds nothing, Create User is 201, the query finds it")
  void lookupThenCreateUser() {
    final String userName = testUserName();
    assertThat(getUserByQuery(userName))
        .listResponse()
        .number("/totalResults", 0)
        .absent("/Resources");
    final ScimResponse created = post("/Users", createUserBody(userName));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(created)
        .status(201)
        .scimJson()
        .schemas(Urns.USER)
        .present("/id")
        .text("/userName", userName)
        .bool("/active", true)
        .text("/name/givenName", "givenName")
        .text("/name/familyName", "familyName")
        .text("/emails/0/type", "work")
        .bool("/emails/0/primary", true)
        .text("/meta/resourceType", "User")
        .present("/externalId");
    assertThat(getUserByQuery(userName))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", created.id())
        .text("/Resources/0/userName", userName);
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Get User: GET /Users/{id} returns the provisioned user")
  void getUserById() {
    final String id = provisionedUser();
    assertThat(get("/Users/" + id))
        .status(200)
        .scimJson()
        .schemas(Urns.USER)
        .text("/id", id)
        .bool("/active", true)
        .text("/name/givenName", "givenName");
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Update User [Multi-valued properties]: Replace emails[type eq \"work\"].value and name.familyName")
  void updateMultiValuedProperties() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(id, Replay.of("entra/tutorial-update-user-multi-valued.json").body())
        .satisfies(
            json -> workEmails(json).equals(Set.of("updatedEmail@microsoft.com")),
            "one work email, updatedEmail@microsoft.com")
        .text("/name/familyName", "updatedFamilyName")
        .text("/name/givenName", "givenName");
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Update User [Single-valued properties]: Replace userName")
  void updateSingleValuedProperty() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    final String renamed = UUID.randomUUID() + "@" + scim.target().userDomain();
    patchUser(
            id,
            Replay.of("entra/tutorial-update-user-single-valued.json").body("userName", renamed))
        .text("/userName", renamed);
    assertThat(getUserByQuery(renamed))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", id);
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Disable User: Operations before schemas, Replace active false; the user is still returned")
  void disableUser() {
    scim.require(Feature.PATCH);
    final String userName = testUserName();
    final String id = scim.createUser(createUserBody(userName)).path("id").asText();
    patchUser(id, Replay.of("entra/tutorial-disable-user.json").body()).bool("/active", false);
    assertThat(getUserByQuery(userName))
        .listResponse()
        .number("/totalResults", 1)
        .bool("/Resources/0/active", false);
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Delete User: 204, then GET is 404 and the query finds nothing")
  void deleteUser() {
    final String userName = testUserName();
    final ScimResponse created = post("/Users", createUserBody(userName));
    assertThat(created).status(201);
    assertThat(delete("/Users/" + created.id())).status(204);
    assertThat(get("/Users/" + created.id())).error(404, null);
    assertThat(getUserByQuery(userName)).listResponse().number("/totalResults", 0);
  }

  // ---- [TUTORIAL] Group Operations ----

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Create Group (ADSCIM URN, no members), Get Group and Get Group by displayName with excludedAttributes=members")
  void createGroupAndGetWithoutMembers() {
    final String name = "displayName-" + Scim.random();
    final ScimResponse created = post("/Groups", createGroupBody(name));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Groups/" + id));
    assertThat(created)
        .status(201)
        .scimJson()
        .schemas(Urns.GROUP)
        .present("/id")
        .text("/displayName", name)
        .absent("/members");
    assertThat(get("/Groups/" + created.id() + "?excludedAttributes=members"))
        .status(200)
        .scimJson()
        .text("/id", created.id())
        .text("/displayName", name)
        .absent("/members");
    assertThat(
            get(
                "/Groups?excludedAttributes=members&filter="
                    + ScimHttp.enc("displayName eq \"" + name + "\"")))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", created.id())
        .absent("/Resources/0/members");
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Update Group [Add Members] with \"$ref\": null on a group created empty")
  void createEmptyGroupThenAddMembers() {
    scim.require(Feature.PATCH);
    final String first = provisionedUser();
    final String second = provisionedUser();
    final String group = groupWith(first, second);
    assertThat(get("/Groups/" + group + "?excludedAttributes=members"))
        .status(200)
        .absent("/members");
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Update Group [Remove Members]: Remove with path members and a value array")
  void removeMembersTutorial() {
    scim.require(Feature.PATCH);
    final String stays = provisionedUser();
    final String leaves = provisionedUser();
    final String group = groupWith(stays, leaves);
    patchGroup(
            group,
            Replay.of("entra/tutorial-update-group-remove-members.json").body("member", leaves))
        .satisfies(json -> memberIds(json).equals(Set.of(stays)), "only " + stays + " left");
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Update Group [Non-member attributes]: Replace displayName")
  void replaceGroupDisplayName() {
    scim.require(Feature.PATCH);
    final String member = provisionedUser();
    final String group = groupWith(member);
    final String renamed = UUID.randomUUID() + "updatedDisplayName";
    patchGroup(
            group,
            Replay.of("entra/tutorial-update-group-non-member.json").body("displayName", renamed))
        .text("/displayName", renamed)
        .satisfies(json -> memberIds(json).equals(Set.of(member)), "the member kept");
    assertThat(
            get(
                "/Groups?excludedAttributes=members&filter="
                    + ScimHttp.enc("displayName eq \"" + renamed + "\"")))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", group);
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Delete Group: 204, then GET is 404; its member still exists")
  void deleteGroup() {
    final String member = provisionedUser();
    final ScimResponse created = post("/Groups", createGroupBody("displayName-" + Scim.random()));
    assertThat(created).status(201);
    if (scim.config().supports(Feature.PATCH)) {
      assertThat(
              patch(
                  "/Groups/" + created.id(),
                  Replay.of("entra/tutorial-update-group-add-members.json").body("member", member)))
          .status(200, 204);
    }
    assertThat(delete("/Groups/" + created.id())).status(204);
    assertThat(get("/Groups/" + created.id())).error(404, null);
    assertThat(get("/Users/" + member)).status(200).text("/id", member);
  }

  // ---- [FLAGS] without the feature flag (default) and with aadOptscim062020 ----

  @Test
  @DisplayName("[Entra FLAGS] disable user, without flag: Replace active with the string \"False\"")
  void disableUserWithoutFlag() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(id, Replay.of("entra/flag-off-disable-user.json").body()).bool("/active", false);
  }

  @Test
  @DisplayName("[Entra FLAGS] disable user, with aadOptscim062020: replace active with false")
  void disableUserWithFlag() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(id, Replay.of("entra/flag-on-disable-user.json").body()).bool("/active", false);
  }

  @Test
  @DisplayName("[Entra FLAGS] add a single-value string attribute, without flag: Add nickName")
  void addSingleValueWithoutFlag() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(id, Replay.of("entra/flag-off-add-single-value.json").body())
        .text("/nickName", "Babs")
        .text("/name/givenName", "givenName");
  }

  @Test
  @DisplayName(
      "[Entra FLAGS] add a single-value string attribute, with aadOptscim062020: add nickName")
  void addSingleValueWithFlag() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(id, Replay.of("entra/flag-on-add-single-value.json").body())
        .text("/nickName", "Babs")
        .text("/name/givenName", "givenName");
  }

  @Test
  @DisplayName(
      "[Entra FLAGS] replace multiple attributes, without flag: one Replace per attribute, value-filter and extension URN paths")
  void replaceMultipleWithoutFlag() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    final String externalId = "Eqpj-" + Scim.random();
    final String employeeNumber = "Eqpj-" + Scim.random();
    patchUser(
            id,
            Replay.of("entra/flag-off-replace-multiple.json")
                .body("externalId", externalId, "employeeNumber", employeeNumber))
        .text("/displayName", "Pvlo")
        .satisfies(
            json -> workEmails(json).equals(Set.of("TestBcwqnm@test.microsoft.com")),
            "one work email, TestBcwqnm@test.microsoft.com")
        .text("/name/givenName", "Gtfd")
        .text("/name/familyName", "Pkqf")
        .text("/externalId", externalId)
        .satisfies(
            json ->
                json.path(Urns.ENTERPRISE_USER)
                    .path("employeeNumber")
                    .asText()
                    .equals(employeeNumber),
            "enterprise employeeNumber " + employeeNumber);
  }

  @Test
  @DisplayName(
      "[Entra FLAGS] replace multiple attributes, with aadOptscim062020: a value-filter path, then one replace without path with dotted and URN keys")
  void replaceMultipleWithFlag() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    final String employeeNumber = "Aklq-" + Scim.random();
    patchUser(
            id,
            Replay.of("entra/flag-on-replace-multiple.json").body("employeeNumber", employeeNumber))
        .text("/displayName", "Bjfe")
        .satisfies(
            json -> workEmails(json).equals(Set.of("TestMhvaes@test.microsoft.com")),
            "one work email, TestMhvaes@test.microsoft.com")
        .text("/name/givenName", "Kkom")
        .text("/name/familyName", "Unua")
        .satisfies(
            json ->
                json.path(Urns.ENTERPRISE_USER)
                    .path("employeeNumber")
                    .asText()
                    .equals(employeeNumber),
            "enterprise employeeNumber " + employeeNumber);
  }

  @Test
  @DisplayName(
      "[Entra FLAGS] remove a group member, without flag: Remove with path members and a value array")
  void removeMemberWithoutFlag() {
    scim.require(Feature.PATCH);
    final String stays = provisionedUser();
    final String leaves = provisionedUser();
    final String group = groupWith(stays, leaves);
    patchGroup(group, Replay.of("entra/flag-off-remove-member.json").body("member", leaves))
        .satisfies(json -> memberIds(json).equals(Set.of(stays)), "only " + stays + " left");
  }

  @Test
  @DisplayName(
      "[Entra FLAGS] remove a group member, with aadOptscim062020: remove members[value eq \"…\"]")
  void removeMemberWithFlag() {
    scim.require(Feature.PATCH);
    final String stays = provisionedUser();
    final String leaves = provisionedUser();
    final String group = groupWith(stays, leaves);
    patchGroup(group, Replay.of("entra/flag-on-remove-member.json").body("member", leaves))
        .satisfies(json -> memberIds(json).equals(Set.of(stays)), "only " + stays + " left");
  }

  private static Set<String> workEmails(final JsonNode user) {
    final TreeSet<String> values = new TreeSet<>();
    for (final JsonNode email : user.path("emails")) {
      if (email.path("type").asText().equals("work")) {
        values.add(email.path("value").asText());
      }
    }
    return values;
  }
}
