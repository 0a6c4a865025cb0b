package io.tenantsync.conformance.replay;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What Okta sends, from Okta's public developer documentation:
 *
 * <ul>
 *   <li>[SCIM-2.0] "SCIM 2.0 protocol" reference ("Okta and SCIM Version 2.0": create, retrieve,
 *       update, deactivate users; create, update, delete groups);
 *   <li>[TEST-API] "Test your SCIM API" (Okta's SCIM 2.0 spec test suite for Runscope/BlazeMeter:
 *       Users endpoint, invalid user, random user absent, duplicate, userName case).
 * </ul>
 *
 * Payloads keep the documented field names and order; ids and userNames are substituted.
 */
@Tag("okta")
public class OktaReplays extends ConformanceCheck {

  private String userName() {
    return "test.user." + Scim.random() + "@" + scim.target().userDomain();
  }

  /** [SCIM-2.0] Okta's existence check before a create: URL-encoded, with paging parameters. */
  private ScimResponse findByUserName(final String userName) {
    return get(
        "/Users?filter=userName%20eq%20%22"
            + ScimHttp.enc(userName)
            + "%22&startIndex=1&count=100");
  }

  /** [SCIM-2.0] "Create the user" request body. */
  private static String createUserBody(final String userName) {
    return """
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "%1$s",
            "name": {
                "givenName": "Test",
                "familyName": "User"
            },
            "emails": [{
                "primary": true,
                "value": "%1$s",
                "type": "work"
            }],
            "displayName": "Test User",
            "locale": "en-US",
            "externalId": "00u%2$s",
            "groups": [],
            "password": "1mz050nq",
            "active": true
        }"""
        .formatted(userName, Scim.random());
  }

  private String createdUser(final String userName) {
    assertThat(findByUserName(userName)).listResponse().number("/totalResults", 0);
    return scim.createUser(createUserBody(userName)).path("id").asText();
  }

  @Test
  @DisplayName("[Okta TEST-API] GET /Users?startIndex=1&count=2 answers a ListResponse")
  void usersEndpointAnswersAListResponse() {
    scim.createUser();
    assertThat(get("/Users?startIndex=1&count=2"))
        .listResponse()
        .satisfies(json -> json.path("Resources").size() <= 2, "at most 2 Resources")
        .satisfies(json -> json.path("itemsPerPage").isIntegralNumber(), "itemsPerPage number")
        .satisfies(json -> json.path("startIndex").isIntegralNumber(), "startIndex number");
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] filter userName eq with startIndex=1&count=100, then POST with password")
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
        .text("/userName", userName)
        .text("/name/givenName", "Test")
        .text("/displayName", "Test User")
        .bool("/active", true)
        .absent("/password");
    assertThat(findByUserName(userName))
        .listResponse()
        .number("/totalResults", 1)
        .text("/Resources/0/id", created.id());
  }

  @Test
  @DisplayName("[Okta SCIM-2.0] GET /Users/{id}, then a full PUT with the changed profile")
  void getThenFullPut() {
    final String userName = userName();
    final String id = createdUser(userName);
    assertThat(get("/Users/" + id)).status(200).text("/userName", userName);
    final ScimResponse replaced =
        put(
            "/Users/" + id,
            """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "id": "%1$s",
                "userName": "%2$s",
                "name": {
                    "givenName": "Another",
                    "familyName": "User"
                },
                "emails": [{
                    "primary": true,
                    "value": "%2$s",
                    "type": "work"
                }],
                "displayName": "Another User",
                "locale": "en-US",
                "groups": [],
                "password": "1mz050nq",
                "active": true
            }"""
                .formatted(id, userName));
    assertThat(replaced)
        .status(200)
        .scimJson()
        .text("/id", id)
        .text("/name/givenName", "Another")
        .text("/displayName", "Another User")
        .absent("/password");
    assertThat(get("/Users/" + id)).status(200).text("/displayName", "Another User");
  }

  @Test
  @DisplayName("[Okta SCIM-2.0] deactivate: PATCH replace without path, value {\"active\":false}")
  void deactivateWithPatch() {
    scim.require(Feature.PATCH);
    final String id = createdUser(userName());
    final ScimResponse patched =
        patch(
            "/Users/" + id,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "replace",
                    "value": {
                        "active": false
                    }
                }]
            }""");
    assertThat(patched).status(200, 204);
    if (patched.status() == 200) {
      assertThat(patched).bool("/active", false);
    }
    assertThat(get("/Users/" + id)).status(200).bool("/active", false);
    assertThat(
            patch(
                "/Users/" + id,
                """
                {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{
                        "op": "replace",
                        "value": {
                            "active": true
                        }
                    }]
                }"""))
        .status(200, 204);
    assertThat(get("/Users/" + id)).status(200).bool("/active", true);
  }

  @Test
  @DisplayName("[Okta TEST-API] GET of an unknown user id is 404 with the Error schema")
  void unknownUserIsNotFound() {
    assertThat(get("/Users/010101001010101" + Scim.random())).error(404, null);
  }

  @Test
  @DisplayName("[Okta TEST-API] creating the same user twice is 409")
  void duplicateCreateIsConflict() {
    final String userName = userName();
    createdUser(userName);
    final ScimResponse again = post("/Users", createUserBody(userName));
    again.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(again).error(409, "uniqueness");
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
      "[Okta SCIM-2.0] push group: POST /Groups with \"members\": [], rename by PATCH replace without path")
  void pushGroupAndRename() {
    final String name = "Test SCIMv2 " + Scim.random();
    final ScimResponse created =
        post(
            "/Groups",
            """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                "displayName": "%s",
                "members": []
            }"""
                .formatted(name));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Groups/" + id));
    assertThat(created).status(201).scimJson().text("/displayName", name);
    scim.require(Feature.PATCH);
    final String renamed = name + " renamed";
    assertThat(
            patch(
                "/Groups/" + created.id(),
                """
                {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{
                        "op": "replace",
                        "value": {
                            "id": "%s",
                            "displayName": "%s"
                        }
                    }]
                }"""
                    .formatted(created.id(), renamed)))
        .status(200, 204);
    assertThat(get("/Groups/" + created.id())).status(200).text("/displayName", renamed);
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] group membership: remove by members[value eq …] and add with display, one PATCH")
  void updateGroupMembership() {
    scim.require(Feature.PATCH);
    final String leaves = createdUser(userName());
    final String joinerName = userName();
    final String joins = createdUser(joinerName);
    final String group = groupWithMembers(leaves);
    final ResponseAssert read =
        patchGroup(
            group,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [
                    {
                        "op": "remove",
                        "path": "members[value eq \\"%s\\"]"
                    },
                    {
                        "op": "add",
                        "path": "members",
                        "value": [{
                            "value": "%s",
                            "display": "%s"
                        }]
                    }
                ]
            }"""
                .formatted(leaves, joins, joinerName));
    read.satisfies(json -> json.path("members").size() == 1, "exactly one member")
        .text("/members/0/value", joins);
  }

  @Test
  @DisplayName(
      "[Okta SCIM-2.0] group push: PATCH replace of members with the full list, then with []")
  void replaceMembersIncludingEmpty() {
    scim.require(Feature.PATCH);
    final String first = createdUser(userName());
    final String secondName = userName();
    final String second = createdUser(secondName);
    final String group = groupWithMembers(first);
    patchGroup(
            group,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "replace",
                    "path": "members",
                    "value": [{
                        "value": "%s",
                        "display": "%s"
                    }]
                }]
            }"""
                .formatted(second, secondName))
        .satisfies(json -> json.path("members").size() == 1, "exactly one member")
        .text("/members/0/value", second);
    patchGroup(
            group,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "replace",
                    "path": "members",
                    "value": []
                }]
            }""")
        .absent("/members");
  }

  @Test
  @DisplayName("[Okta SCIM-2.0] DELETE /Groups/{id} is 204, the group is gone")
  void deleteGroup() {
    final ScimResponse created =
        post(
            "/Groups",
            """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                "displayName": "Test SCIMv2 %s",
                "members": []
            }"""
                .formatted(Scim.random()));
    assertThat(created).status(201);
    assertThat(delete("/Groups/" + created.id())).status(204);
    assertThat(get("/Groups/" + created.id())).error(404, null);
  }

  private String groupWithMembers(final String member) {
    return scim.createGroup(
            """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                "displayName": "Test SCIMv2 %s",
                "members": [{"value": "%s"}]
            }"""
                .formatted(Scim.random(), member))
        .path("id")
        .asText();
  }

  private ResponseAssert patchGroup(final String id, final String body) {
    assertThat(patch("/Groups/" + id, body)).status(200, 204);
    return assertThat(get("/Groups/" + id)).status(200);
  }
}
