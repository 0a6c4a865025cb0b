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
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the Microsoft Entra ID provisioning service sends, from two public Microsoft Learn pages:
 *
 * <ul>
 *   <li>[TUTORIAL] "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra
 *       ID", section "Request and response examples" (User and Group operations);
 *   <li>[KNOWN-ISSUES] "Known issues and resolutions with SCIM 2.0 protocol compliance of the
 *       Microsoft Entra user provisioning service", section "Flags to alter the SCIM behavior": the
 *       default requests and those sent with {@code ?aadOptscim062020} in the tenant URL.
 * </ul>
 *
 * Payloads keep the documented field names and order; ids, userNames and emails are substituted.
 */
@Tag("entra")
public class EntraIdReplays extends ConformanceCheck {

  private String testUserName() {
    return "Test_User_" + UUID.randomUUID() + "@" + scim.target().userDomain();
  }

  /** [TUTORIAL] "Create User" request body. */
  private String createUserBody(final String userName) {
    return """
        {
            "schemas": [
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
            "externalId": "%s",
            "userName": "%s",
            "active": true,
            "emails": [{
                "primary": true,
                "type": "work",
                "value": "Test_User_%s@testuser.com"
            }],
            "meta": {
                "resourceType": "User"
            },
            "name": {
                "formatted": "givenName familyName",
                "familyName": "familyName",
                "givenName": "givenName"
            },
            "roles": []
        }"""
        .formatted(UUID.randomUUID(), userName, UUID.randomUUID());
  }

  /** [TUTORIAL] "Get User by query": Entra sends the filter URL-encoded. */
  private ScimResponse getUserByQuery(final String userName) {
    return get("/Users?filter=" + ScimHttp.enc("userName eq \"" + userName + "\""));
  }

  private String provisionedUser() {
    final String userName = testUserName();
    assertThat(getUserByQuery(userName)).listResponse().number("/totalResults", 0);
    return scim.createUser(createUserBody(userName)).path("id").asText();
  }

  private ResponseAssert patchUser(final String id, final String body) {
    final ScimResponse patched = patch("/Users/" + id, body);
    assertThat(patched).status(200, 204);
    return assertThat(get("/Users/" + id)).status(200);
  }

  private ResponseAssert patchGroup(final String id, final String body) {
    assertThat(patch("/Groups/" + id, body)).status(200, 204);
    return assertThat(get("/Groups/" + id)).status(200);
  }

  private String createGroupBody(final String displayName) {
    // [TUTORIAL] "Create Group": Entra adds its ADSCIM schema URN to the Group's schemas.
    return """
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
            "externalId": "%s",
            "displayName": "%s",
            "meta": {
                "resourceType": "Group"
            }
        }"""
        .formatted(UUID.randomUUID(), displayName);
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] GET /Users?filter=userName eq … finds nothing, then POST /Users creates")
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
  @DisplayName("[Entra TUTORIAL] GET /Users/{id} returns the provisioned user")
  void getUserById() {
    final String id = provisionedUser();
    assertThat(get("/Users/" + id)).status(200).scimJson().schemas(Urns.USER).text("/id", id);
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Update User [Multi-valued properties]: Replace emails[type eq \"work\"].value and name.familyName")
  void updateMultiValuedProperties() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(
            id,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [
                        {
                        "op": "Replace",
                        "path": "emails[type eq \\"work\\"].value",
                        "value": "updatedEmail@microsoft.com"
                        },
                        {
                        "op": "Replace",
                        "path": "name.familyName",
                        "value": "updatedFamilyName"
                        }
                ]
            }""")
        .text("/emails/0/value", "updatedEmail@microsoft.com")
        .text("/emails/0/type", "work")
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
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Replace",
                    "path": "userName",
                    "value": "%s"
                }]
            }"""
                .formatted(renamed))
        .text("/userName", renamed);
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Disable User: Operations before schemas, Replace active with false")
  void disableUser() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(
            id,
            """
            {
                "Operations": [
                    {
                        "op": "Replace",
                        "path": "active",
                        "value": false
                    }
                ],
                "schemas": [
                    "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                ]
            }""")
        .bool("/active", false);
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Delete User: 204, then GET is 404")
  void deleteUser() {
    final String userName = testUserName();
    final ScimResponse created = post("/Users", createUserBody(userName));
    assertThat(created).status(201);
    assertThat(delete("/Users/" + created.id())).status(204);
    assertThat(get("/Users/" + created.id())).error(404, null);
    assertThat(getUserByQuery(userName)).listResponse().number("/totalResults", 0);
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Create Group with the ADSCIM schema URN, then GET with excludedAttributes=members")
  void createGroupAndGetWithoutMembers() {
    final String name = "displayName-" + Scim.random();
    final ScimResponse created = post("/Groups", createGroupBody(name));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Groups/" + id));
    assertThat(created).status(201).scimJson().schemas(Urns.GROUP).text("/displayName", name);
    assertThat(get("/Groups/" + created.id() + "?excludedAttributes=members"))
        .status(200)
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
      "[Entra TUTORIAL] Group created empty, then Update Group [Add Members] with \"$ref\": null")
  void createEmptyGroupThenAddMembers() {
    scim.require(Feature.PATCH);
    final String user = provisionedUser();
    final String group =
        scim.createGroup(createGroupBody("displayName-" + Scim.random())).path("id").asText();
    patchGroup(
            group,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Add",
                    "path": "members",
                    "value": [{
                        "$ref": null,
                        "value": "%s"
                    }]
                }]
            }"""
                .formatted(user))
        .text("/members/0/value", user);
  }

  @Test
  @DisplayName(
      "[Entra TUTORIAL] Update Group [Remove Members] by value array (default, without aadOptscim062020)")
  void removeMemberByValueArray() {
    scim.require(Feature.PATCH);
    final String stays = provisionedUser();
    final String leaves = provisionedUser();
    final String group = groupWith(stays, leaves);
    patchGroup(
            group,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Remove",
                    "path": "members",
                    "value": [{
                        "$ref": null,
                        "value": "%s"
                    }]
                }]
            }"""
                .formatted(leaves))
        .satisfies(json -> json.path("members").size() == 1, "one member left")
        .text("/members/0/value", stays);
  }

  @Test
  @DisplayName(
      "[Entra KNOWN-ISSUES] with aadOptscim062020: remove member by members[value eq \"…\"] path")
  void removeMemberByValueFilterWithFlag() {
    scim.require(Feature.PATCH);
    final String stays = provisionedUser();
    final String leaves = provisionedUser();
    final String group = groupWith(stays, leaves);
    patchGroup(
            group,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "remove",
                  "path": "members[value eq \\"%s\\"]"
                }
              ]
            }"""
                .formatted(leaves))
        .satisfies(json -> json.path("members").size() == 1, "one member left")
        .text("/members/0/value", stays);
  }

  @Test
  @DisplayName("[Entra TUTORIAL] Update Group [Non-member attributes]: Replace displayName")
  void replaceGroupDisplayName() {
    scim.require(Feature.PATCH);
    final String group =
        scim.createGroup(createGroupBody("displayName-" + Scim.random())).path("id").asText();
    final String renamed = Scim.random() + "updatedDisplayName";
    patchGroup(
            group,
            """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Replace",
                    "path": "displayName",
                    "value": "%s"
                }]
            }"""
                .formatted(renamed))
        .text("/displayName", renamed);
  }

  @Test
  @DisplayName(
      "[Entra KNOWN-ISSUES] default (without aadOptscim062020): Replace active with the string \"False\"")
  void deprovisionWithStringFalse() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(
            id,
            """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "Replace",
                  "path": "active",
                  "value": "False"
                }
              ]
            }""")
        .bool("/active", false);
  }

  @Test
  @DisplayName("[Entra KNOWN-ISSUES] with aadOptscim062020: replace active with the boolean false")
  void deprovisionWithBooleanFalse() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(
            id,
            """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "replace",
                  "path": "active",
                  "value": false
                }
              ]
            }""")
        .bool("/active", false);
  }

  @Test
  @DisplayName("[Entra KNOWN-ISSUES] default: Add of a single attribute with a path")
  void addSingleValuedWithPath() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(
            id,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "Add",
                  "path": "nickName",
                  "value": "Babs"
                }
              ]
            }""")
        .text("/nickName", "Babs");
  }

  @Test
  @DisplayName("[Entra KNOWN-ISSUES] with aadOptscim062020: add without a path, value object")
  void addSingleValuedWithoutPath() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    patchUser(
            id,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "add",
                  "value": {
                    "nickName": "Babs"
                  }
                }
              ]
            }""")
        .text("/nickName", "Babs");
  }

  @Test
  @DisplayName(
      "[Entra KNOWN-ISSUES] default: one Replace per attribute, paths with value filter and extension URN")
  void replaceManyAttributesWithPaths() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    expectReplacedAttributes(
        patchUser(
            id,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "Replace",
                  "path": "displayName",
                  "value": "Pvlo"
                },
                {
                  "op": "Replace",
                  "path": "emails[type eq \\"work\\"].value",
                  "value": "TestBcwqnm@test.microsoft.com"
                },
                {
                  "op": "Replace",
                  "path": "name.givenName",
                  "value": "Gtfd"
                },
                {
                  "op": "Replace",
                  "path": "name.familyName",
                  "value": "Pkqf"
                },
                {
                  "op": "Replace",
                  "path": "externalId",
                  "value": "Eqpj-%1$s"
                },
                {
                  "op": "Replace",
                  "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                  "value": "Eqpj-%1$s"
                }
              ]
            }"""
                .formatted(Scim.random())));
  }

  @Test
  @DisplayName(
      "[Entra KNOWN-ISSUES] with aadOptscim062020: one replace without path, dotted and URN keys")
  void replaceManyAttributesWithoutPath() {
    scim.require(Feature.PATCH);
    final String id = provisionedUser();
    expectReplacedAttributes(
        patchUser(
            id,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "replace",
                  "value": {
                    "displayName": "Pvlo",
                    "emails[type eq \\"work\\"].value": "TestBcwqnm@test.microsoft.com",
                    "name.givenName": "Gtfd",
                    "name.familyName": "Pkqf",
                    "externalId": "Eqpj-%1$s",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Eqpj-%1$s"
                  }
                }
              ]
            }"""
                .formatted(Scim.random())));
  }

  private static void expectReplacedAttributes(final ResponseAssert user) {
    user.text("/displayName", "Pvlo")
        .text("/emails/0/value", "TestBcwqnm@test.microsoft.com")
        .text("/name/givenName", "Gtfd")
        .text("/name/familyName", "Pkqf")
        .satisfies(
            json -> json.path("externalId").asText().startsWith("Eqpj-"), "externalId Eqpj-…")
        .satisfies(
            json ->
                json.path(Urns.ENTERPRISE_USER).path("employeeNumber").asText().startsWith("Eqpj-"),
            "enterprise employeeNumber Eqpj-…");
  }

  @Test
  @DisplayName(
      "[Entra KNOWN-ISSUES] default: Add to a multi-valued attribute through a value-filter path")
  void addMultiValuedWithFilterPath() {
    scim.require(Feature.PATCH);
    final String id = scimUserWithoutEmails();
    patchUser(
            id,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "Add",
                  "path": "emails[type eq \\"work\\"].value",
                  "value": "someone@contoso.com"
                }
              ]
            }""")
        .satisfies(
            json -> hasWorkEmail(json, "someone@contoso.com"), "a work email someone@contoso.com");
  }

  @Test
  @DisplayName(
      "[Entra KNOWN-ISSUES] with aadOptscim062020: add of a multi-valued attribute without path")
  void addMultiValuedWithoutPath() {
    scim.require(Feature.PATCH);
    final String id = scimUserWithoutEmails();
    patchUser(
            id,
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "add",
                  "value": {
                    "emails": [
                      {
                        "value": "someone@contoso.com",
                        "type": "work",
                        "primary": true
                      }
                    ]
                  }
                }
              ]
            }""")
        .satisfies(
            json -> hasWorkEmail(json, "someone@contoso.com"), "a work email someone@contoso.com");
  }

  private String scimUserWithoutEmails() {
    return scim.createUser(Scim.userJson(testUserName())).path("id").asText();
  }

  private String groupWith(final String... members) {
    final StringBuilder values = new StringBuilder();
    for (final String member : members) {
      values
          .append(values.isEmpty() ? "" : ",")
          .append("{\"value\":\"")
          .append(member)
          .append("\"}");
    }
    final String group =
        scim.createGroup(createGroupBody("displayName-" + Scim.random())).path("id").asText();
    assertThat(
            patch(
                "/Groups/" + group,
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[%s]}]}"""
                    .formatted(values)))
        .status(200, 204);
    return group;
  }

  private static boolean hasWorkEmail(final JsonNode user, final String value) {
    for (final JsonNode email : user.path("emails")) {
      if (email.path("type").asText().equals("work")
          && email.path("value").asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
