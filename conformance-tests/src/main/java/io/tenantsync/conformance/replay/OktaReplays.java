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
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What Okta sends, request for request. The bodies are the files under {@code replays/okta/}, whose
 * {@code replays/README.md} names the section each one is copied from:
 *
 * <ul>
 *   <li>[SCIM-2.0] "SCIM 2.0 Protocol Reference" ("Okta and SCIM Version 2.0",
 *       developer.okta.com/docs/reference/scim/scim-20/): user and group operations;
 *   <li>[TEST-API] "Test your SCIM API" (Okta's SCIM 2.0 spec tests): requests built from the same
 *       Create User body (paging with a small count, unknown id, duplicate, userName case).
 * </ul>
 *
 * Every check asserts the status of each request it replays and reads the resulting state back.
 */
@Tag("okta")
public class OktaReplays extends ConformanceCheck {

  private String userName() {
    return "test.user." + Scim.random() + "@" + scim.target().userDomain();
  }

  /** [SCIM-2.0] Determine if the User already exists: URL-encoded, with paging parameters. */
  private ScimResponse findByUserName(final String userName) {
    return get(
        "/Users?filter=userName%20eq%20%22"
            + ScimHttp.enc(userName)
            + "%22&startIndex=1&count=100");
  }

  /** [SCIM-2.0] Create the User: the body with a password. */
  private static String createUserBody(final String userName) {
    return Replay.of("okta/create-user.json")
        .body("userName", userName, "externalId", "00u" + Scim.random());
  }

  /** Okta's assignment of a user: the existence check finds nothing, then Create the User. */
  private String createdUser(final String userName) {
    assertThat(findByUserName(userName)).listResponse().number("/totalResults", 0);
    return scim.createUser(createUserBody(userName)).path("id").asText();
  }

  /** A PATCH answered 200 or 204 (both allowed by [SCIM-2.0]); returns the GET that follows. */
  private ResponseAssert patchThenGet(final String location, final String body) {
    final ScimResponse patched = patch(location, body);
    assertThat(patched).status(200, 204);
    final String id = location.substring(location.lastIndexOf('/') + 1);
    if (patched.status() == 200) {
      assertThat(patched).scimJson().text("/id", id);
    }
    return assertThat(get(location)).status(200).scimJson().text("/id", id);
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Create Users: filter userName eq with startIndex=1&count=100 finds nothing, POST with password, the filter finds it")
  void lookupThenCreateWithPassword() {
    final String userName = userName();
    assertThat(findByUserName(userName))
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
        .text("/name/givenName", "Test")
        .text("/displayName", "Test User")
        .text("/locale", "en-US")
        .bool("/active", true)
        .absent("/password");
    assertThat(findByUserName(userName))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", created.id())
        .absent("/Resources/0/password");
    assertThat(get("/Users/" + created.id()))
        .status(200)
        .text("/userName", userName)
        .text("/emails/0/value", userName)
        .absent("/password");
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Retrieve Users: GET /Users?startIndex=1&count=100, then startIndex+100, finds the user; integers only")
  void retrieveUsersPageByPage() {
    final String id = createdUser(userName());
    boolean found = false;
    long startIndex = 1;
    long total = Long.MAX_VALUE;
    for (int page = 0; page < 1000 && startIndex <= total && !found; page++) {
      final ResponseAssert list =
          assertThat(get("/Users?startIndex=" + startIndex + "&count=100"))
              .listResponse()
              .number("/startIndex", startIndex)
              .satisfies(
                  json -> json.path("itemsPerPage").isIntegralNumber(), "integer itemsPerPage")
              .satisfies(json -> json.path("Resources").size() <= 100, "at most 100 Resources");
      total = list.json().path("totalResults").asLong();
      found = list.resourceIds().contains(id);
      final int size = list.json().path("Resources").size();
      if (size == 0) {
        break;
      }
      startIndex += 100;
    }
    if (!found) {
      throw new AssertionError(
          "user " + id + " not found paging GET /Users with startIndex and count=100");
    }
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Update a specific User (PUT): GET /Users/{id}, then the full PUT with middleName")
  void getThenFullPut() {
    final String userName = userName();
    final String id = createdUser(userName);
    assertThat(get("/Users/" + id)).status(200).text("/id", id).text("/userName", userName);
    final ScimResponse replaced =
        put(
            "/Users/" + id,
            Replay.of("okta/update-user-put.json").body("id", id, "userName", userName));
    assertThat(replaced)
        .status(200)
        .scimJson()
        .text("/id", id)
        .text("/name/givenName", "Another")
        .text("/name/middleName", "Excited")
        .absent("/password");
    assertThat(get("/Users/" + id))
        .status(200)
        .text("/userName", userName)
        .text("/name/givenName", "Another")
        .text("/name/middleName", "Excited")
        .text("/name/familyName", "User")
        .text("/emails/0/value", userName)
        .bool("/active", true);
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Update a specific User (PATCH): deactivate with replace, no path, {\"active\": false}")
  void deactivateWithPatch() {
    scim.require(Feature.PATCH);
    final String userName = userName();
    final String id = createdUser(userName);
    patchThenGet("/Users/" + id, Replay.of("okta/deactivate-user.json").body())
        .bool("/active", false)
        .text("/userName", userName)
        .text("/name/givenName", "Test");
    assertThat(findByUserName(userName))
        .listResponse()
        .number("/totalResults", 1)
        .bool("/Resources/0/active", false);
  }

  @Test
  @DisplayName("[Okta TEST-API] GET /Users?startIndex=1&count=2 answers a ListResponse of ≤ 2")
  void usersEndpointAnswersAListResponse() {
    createdUser(userName());
    createdUser(userName());
    createdUser(userName());
    assertThat(get("/Users?startIndex=1&count=2"))
        .listResponse()
        .number("/startIndex", 1)
        .number("/itemsPerPage", 2)
        .satisfies(json -> json.path("Resources").size() == 2, "exactly 2 Resources")
        .satisfies(json -> json.path("totalResults").asLong() >= 3, "totalResults ≥ 3");
  }

  @Test
  @DisplayName("[Okta TEST-API] GET of an unknown user id is 404 with the Error schema")
  void unknownUserIsNotFound() {
    assertThat(get("/Users/010101001010101" + Scim.random())).error(404, null);
  }

  @Test
  @DisplayName("[Okta TEST-API] creating the same user twice is 409; the first one is unchanged")
  void duplicateCreateIsConflict() {
    final String userName = userName();
    final String id = createdUser(userName);
    final ScimResponse again = post("/Users", createUserBody(userName));
    again.text("/id").ifPresent(other -> scim.deleteLater("/Users/" + other));
    assertThat(again).error(409, "uniqueness");
    assertThat(findByUserName(userName))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", id);
  }

  @Test
  @DisplayName(
      "[Okta TEST-API] userName case-sensitivity check: the upper-cased userName finds the user")
  void userNameFilterIgnoresCase() {
    final String userName = userName();
    final String id = createdUser(userName);
    assertThat(findByUserName(userName.toUpperCase(Locale.ROOT)))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", id);
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Create Groups with \"members\": [], Retrieve specific Groups, Retrieve Groups with startIndex=1&count=100")
  void pushGroupAndRetrieve() {
    final String name = "Test SCIMv2 " + Scim.random();
    final ScimResponse created =
        post("/Groups", Replay.of("okta/create-group.json").body("displayName", name));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Groups/" + id));
    assertThat(created)
        .status(201)
        .scimJson()
        .schemas(Urns.GROUP)
        .present("/id")
        .text("/displayName", name)
        .absent("/members");
    assertThat(get("/Groups/" + created.id()))
        .status(200)
        .text("/id", created.id())
        .text("/displayName", name);
    assertThat(get("/Groups?startIndex=1&count=100"))
        .listResponse()
        .number("/startIndex", 1)
        .satisfies(json -> json.path("Resources").size() <= 100, "at most 100 Resources");
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Update a specific Group name: replace without path, value {id, displayName}")
  void renameGroup() {
    scim.require(Feature.PATCH);
    final String member = createdUser(userName());
    final String group = groupWithMembers(member);
    final String renamed = "Test SCIMv20 " + Scim.random();
    patchThenGet(
            "/Groups/" + group,
            Replay.of("okta/update-group-name.json").body("id", group, "displayName", renamed))
        .text("/displayName", renamed)
        .satisfies(json -> memberIds(json).equals(Set.of(member)), "the member kept");
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Update specific Group membership: remove members[value eq …] and add with display, one PATCH")
  void updateGroupMembership() {
    scim.require(Feature.PATCH);
    final String leaves = createdUser(userName());
    final String joinerName = userName();
    final String joins = createdUser(joinerName);
    final String group = groupWithMembers(leaves);
    patchThenGet(
            "/Groups/" + group,
            Replay.of("okta/update-group-membership.json")
                .body("removed", leaves, "added", joins, "addedUserName", joinerName))
        .satisfies(json -> memberIds(json).equals(Set.of(joins)), "only " + joins);
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] Update specific Group membership: replace members with the full list, then with []")
  void replaceMembersIncludingEmpty() {
    scim.require(Feature.PATCH);
    final String before = createdUser(userName());
    final String firstName = userName();
    final String first = createdUser(firstName);
    final String secondName = userName();
    final String second = createdUser(secondName);
    final String group = groupWithMembers(before);
    patchThenGet(
            "/Groups/" + group,
            Replay.of("okta/replace-group-members.json")
                .body(
                    "first", first,
                    "firstUserName", firstName,
                    "second", second,
                    "secondUserName", secondName))
        .satisfies(
            json -> memberIds(json).equals(Set.of(first, second)),
            "exactly " + first + ", " + second);
    patchThenGet("/Groups/" + group, Replay.of("okta/replace-group-members-empty.json").body())
        .absent("/members");
    assertThat(get("/Users/" + first)).status(200).text("/id", first);
  }

  @Test
  @DisplayName("[Okta SCIM-2.0] Delete a specific Group: 204, the group is gone, its member stays")
  void deleteGroup() {
    final String member = createdUser(userName());
    final String group = groupWithMembers(member);
    assertThat(delete("/Groups/" + group)).status(204);
    assertThat(get("/Groups/" + group)).error(404, null);
    assertThat(get("/Users/" + member)).status(200).text("/id", member);
  }

  /** Set-up, not a replay: a group created with one member, read back to be sure. */
  private String groupWithMembers(final String member) {
    final String group =
        scim.createGroup(
                """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                  "displayName": "Test SCIMv2 %s",
                  "members": [{"value": "%s"}]
                }"""
                    .formatted(Scim.random(), member))
            .path("id")
            .asText();
    assertThat(get("/Groups/" + group))
        .status(200)
        .satisfies(json -> memberIds(json).equals(Set.of(member)), "member " + member);
    return group;
  }

  private static Set<String> memberIds(final JsonNode group) {
    final Set<String> ids = new TreeSet<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }
}
