package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Groups: create, read, replace, delete and membership (RFC 7644 §3.3–§3.6; RFC 7643 §4.2). */
@Tag("groups")
public class GroupChecks extends ConformanceCheck {

  private String groupWithMembers(final String displayName, final String... memberIds) {
    final StringBuilder members = new StringBuilder();
    for (final String id : memberIds) {
      members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "displayName": "%s",
          "members": [%s]
        }
        """
        .formatted(displayName, members);
  }

  @Test
  void createReturns201WithGroupSchemaAndMeta() {
    final String name = scim.unique("group");
    final ScimResponse created = post("/Groups", Scim.groupJson(name));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Groups/" + id));
    assertThat(created)
        .status(201)
        .scimJson()
        .schemas(Urns.GROUP)
        .present("/id")
        .text("/displayName", name)
        .text("/meta/resourceType", "Group")
        .present("/meta/location")
        .header("Location", value -> value.endsWith("/Groups/" + created.id()), "/Groups/{id}");
  }

  @Test
  void createWithMembersListsThemOnRead() {
    final String alice = scim.createUser().path("id").asText();
    final String bob = scim.createUser().path("id").asText();
    final String id =
        scim.createGroup(groupWithMembers(scim.unique("team"), alice, bob)).path("id").asText();
    assertThat(get("/Groups/" + id))
        .status(200)
        .scimJson()
        .satisfies(json -> memberIds(json).equals(Set.of(alice, bob)), "members alice and bob");
  }

  @Test
  void groupMembersMayBeGroups() {
    final String inner = scim.createGroup().path("id").asText();
    final String outer =
        scim.createGroup(groupWithMembers(scim.unique("outer"), inner)).path("id").asText();
    assertThat(get("/Groups/" + outer))
        .status(200)
        .satisfies(json -> memberIds(json).equals(Set.of(inner)), "the inner group as member");
  }

  @Test
  void putReplacesDisplayNameAndMembers() {
    final String alice = scim.createUser().path("id").asText();
    final String bob = scim.createUser().path("id").asText();
    final String id =
        scim.createGroup(groupWithMembers(scim.unique("put"), alice)).path("id").asText();
    final String renamed = scim.unique("renamed");
    assertThat(put("/Groups/" + id, groupWithMembers(renamed, bob)))
        .status(200)
        .scimJson()
        .text("/id", id);
    assertThat(get("/Groups/" + id))
        .status(200)
        .text("/displayName", renamed)
        .satisfies(json -> memberIds(json).equals(Set.of(bob)), "only bob after the PUT");
  }

  @Test
  void deleteReturns204AndTheGroupIsGone() {
    final ScimResponse created = post("/Groups", Scim.groupJson(scim.unique("gone")));
    assertThat(created).status(201);
    assertThat(delete("/Groups/" + created.id())).status(204);
    assertThat(get("/Groups/" + created.id())).error(404, null);
  }

  @Test
  void deletingAUserRemovesItFromItsGroups() {
    final ScimResponse user = post("/Users", Scim.userJson(scim.userName("leaver")));
    assertThat(user).status(201);
    final String stays = scim.createUser().path("id").asText();
    final String group =
        scim.createGroup(groupWithMembers(scim.unique("team"), user.id(), stays))
            .path("id")
            .asText();
    assertThat(delete("/Users/" + user.id())).status(204);
    assertThat(get("/Groups/" + group))
        .status(200)
        .satisfies(json -> memberIds(json).equals(Set.of(stays)), "the deleted user gone");
  }

  @Test
  void userGroupsAttributeReflectsMembership() {
    final String user = scim.createUser().path("id").asText();
    final String group =
        scim.createGroup(groupWithMembers(scim.unique("member-of"), user)).path("id").asText();
    assertThat(get("/Users/" + user))
        .status(200)
        .satisfies(
            json -> {
              for (final JsonNode g : json.path("groups")) {
                if (g.path("value").asText().equals(group)) {
                  return true;
                }
              }
              return false;
            },
            "the user's readOnly \"groups\" to list group " + group + " (RFC 7643 §4.1.2)");
  }

  @Test
  void listReturnsGroupsInAListResponse() {
    scim.createGroup();
    assertThat(get("/Groups"))
        .listResponse()
        .satisfies(json -> json.path("totalResults").asLong() >= 1, "at least one group");
  }

  @Test
  void filterByMemberValueFindsTheUsersGroups() {
    scim.require(Feature.FILTER);
    final String user = scim.createUser().path("id").asText();
    final String group =
        scim.createGroup(groupWithMembers(scim.unique("by-member"), user)).path("id").asText();
    scim.createGroup();
    assertThat(get(ScimHttp.query("/Groups", "filter", "members.value eq \"" + user + "\"")))
        .listResponse()
        .resourcesExactly(Set.of(group), "exactly the group holding the user");
  }

  @Test
  void displayNameUniquenessIsEnforcedWhenTheSchemaDeclaresIt() {
    final JsonNode schema = get("/Schemas/" + Urns.GROUP).node();
    String uniqueness = "none";
    for (final JsonNode attribute : schema.path("attributes")) {
      if (attribute.path("name").asText().equals("displayName")) {
        uniqueness = attribute.path("uniqueness").asText("none");
      }
    }
    Assumptions.assumeFalse(
        uniqueness.equals("none"), "the Group schema does not declare displayName unique");
    final String name = scim.unique("twin");
    scim.createGroup(Scim.groupJson(name));
    final ScimResponse twin = post("/Groups", Scim.groupJson(name));
    twin.text("/id").ifPresent(id -> scim.deleteLater("/Groups/" + id));
    assertThat(twin).error(409, "uniqueness");
  }

  static Set<String> memberIds(final JsonNode group) {
    final java.util.Set<String> ids = new java.util.TreeSet<>();
    group.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }
}
