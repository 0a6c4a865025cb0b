package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;
import static io.tenantsync.conformance.checks.GroupChecks.memberIds;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.ScimResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PATCH of Group membership (RFC 7644 §3.5.2): add in batches, remove two ways, replace. */
@Tag("patch")
public class GroupMemberPatchChecks extends ConformanceCheck {

  private String group;
  private String alice;
  private String bob;
  private String carol;

  @BeforeEach
  void createGroupAndUsers() {
    group = scim.createGroup().path("id").asText();
    alice = scim.createUser().path("id").asText();
    bob = scim.createUser().path("id").asText();
    carol = scim.createUser().path("id").asText();
  }

  private ResponseAssert patchAndRead(final String operations) {
    final ScimResponse patched = patch("/Groups/" + group, patchOps(operations));
    assertThat(patched).status(200, 204);
    return assertThat(get("/Groups/" + group)).status(200);
  }

  private String add(final String... ids) {
    final StringBuilder values = new StringBuilder();
    for (final String id : ids) {
      values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    return "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}";
  }

  @Test
  void membersAreAddedInBatches() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice, bob));
    patchAndRead(add(carol))
        .satisfies(json -> memberIds(json).equals(Set.of(alice, bob, carol)), "three members");
  }

  @Test
  void addingAnExistingMemberAgainKeepsOneEntry() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice));
    patchAndRead(add(alice))
        .satisfies(json -> json.path("members").size() == 1, "alice listed once");
  }

  @Test
  void memberIsRemovedByAValueFilterPath() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice, bob));
    patchAndRead("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}")
        .satisfies(json -> memberIds(json).equals(Set.of(bob)), "only bob left");
  }

  @Test
  void memberIsRemovedByAValueArray() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice, bob));
    patchAndRead("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}")
        .satisfies(json -> memberIds(json).equals(Set.of(alice)), "only alice left");
  }

  @Test
  void removeOfMembersWithoutFilterRemovesAll() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice, bob));
    patchAndRead("{\"op\":\"remove\",\"path\":\"members\"}").absent("/members");
  }

  @Test
  void replaceOfMembersSetsExactlyTheGivenMembers() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice, bob));
    patchAndRead(
            "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + carol + "\"}]}")
        .satisfies(json -> memberIds(json).equals(Set.of(carol)), "only carol");
  }

  @Test
  void replaceOfMembersWithAnEmptyArrayRemovesAll() {
    scim.require(Feature.PATCH);
    patchAndRead(add(alice, bob));
    patchAndRead("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}").absent("/members");
  }

  @Test
  void displayNameIsReplacedByPatch() {
    scim.require(Feature.PATCH);
    final String renamed = scim.unique("renamed");
    patchAndRead("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"}")
        .text("/displayName", renamed);
  }
}
