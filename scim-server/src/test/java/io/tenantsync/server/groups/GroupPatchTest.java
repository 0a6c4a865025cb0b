package io.tenantsync.server.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link GroupPatch} reads the PATCH dialects of Entra ID, Okta and the RFC. */
class GroupPatchTest {
  private static final String GROUP = "g-1";

  private static GroupPatch parse(String operations) throws Exception {
    ObjectNode body =
        (ObjectNode)
            ScimJsonProvider.MAPPER.readTree(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":"
                    + operations
                    + "}");
    return GroupPatch.parse(GROUP, body);
  }

  private static String invalid(String operations) {
    return assertThrows(BadRequestException.class, () -> parse(operations))
        .getScimError()
        .getScimType();
  }

  @Test
  void batchAddInAnyCaseDeduplicatesAndCanonicalisesTypes() throws Exception {
    GroupPatch patch =
        parse(
            """
            [{"op":"Add","path":"members","value":[{"value":"u1"},{"value":"g2","type":"group"},
              {"value":"u1","type":"USER"}]}]""");
    assertTrue(patch.attributeOperations().isEmpty());
    assertEquals(
        List.of(
            new GroupPatch.Add(
                List.of(new MemberRef("u1", Member.USER), new MemberRef("g2", Member.GROUP)))),
        patch.memberChanges());
  }

  @Test
  void removeByValueFilterIncludingOrOfValues() throws Exception {
    assertEquals(
        List.of(new GroupPatch.Remove(List.of("u1"))),
        parse("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}]").memberChanges());
    assertEquals(
        List.of(new GroupPatch.Remove(List.of("u1", "u2"))),
        parse(
                "[{\"op\":\"Remove\",\"path\":\"members[value eq \\\"u1\\\" or value eq"
                    + " \\\"u2\\\"]\"}]")
            .memberChanges());
  }

  @Test
  void entraRemoveByValueArrayRemovesOnlyThoseMembers() throws Exception {
    assertEquals(
        List.of(new GroupPatch.Remove(List.of("u1"))),
        parse("[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]")
            .memberChanges());
  }

  @Test
  void aRemoveByValueAfterAnOperationSplitIntoSeveralStillRemovesOnlyItsValues() throws Exception {
    GroupPatch patch =
        parse(
            """
            [{"op":"replace","value":{"displayName":"Sales",
               "urn:ietf:params:scim:schemas:core:2.0:Group:externalId":"s-1"}},
             {"op":"remove","path":"members","value":[{"value":"u7"}]}]""");
    assertEquals(List.of(new GroupPatch.Remove(List.of("u7"))), patch.memberChanges());
    assertEquals(2, patch.attributeOperations().size(), "the URN key became its own operation");
  }

  @Test
  void memberNamesOfTheEnvelopeAreCaseInsensitive() throws Exception {
    ObjectNode body =
        (ObjectNode)
            ScimJsonProvider.MAPPER.readTree(
                """
                {"SCHEMAS":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "operations":[{"OP":"add","Path":"members","Value":[{"value":"u1"}]}]}""");
    assertEquals(
        List.of(new GroupPatch.Add(List.of(new MemberRef("u1", null)))),
        GroupPatch.parse(GROUP, body).memberChanges());
  }

  @Test
  void aBodyWithoutOperationsOrWithAnotherSchemaIsInvalidSyntax() {
    for (String body :
        new String[] {
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}",
          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":{}}",
          "{\"schemas\":[\"urn:example:other\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members\"}]}"
        }) {
      BadRequestException refused =
          assertThrows(
              BadRequestException.class,
              () -> GroupPatch.parse(GROUP, (ObjectNode) ScimJsonProvider.MAPPER.readTree(body)));
      assertEquals("invalidSyntax", refused.getScimError().getScimType(), body);
    }
  }

  @Test
  void removeWithoutValueRemovesAll() throws Exception {
    assertEquals(
        List.of(new GroupPatch.RemoveAll()),
        parse("[{\"op\":\"remove\",\"path\":\"members\"}]").memberChanges());
  }

  @Test
  void oktaReplaceWithEmptyListAndUrnQualifiedPath() throws Exception {
    assertEquals(
        List.of(new GroupPatch.Replace(List.of())),
        parse("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]").memberChanges());
    assertEquals(
        List.of(new GroupPatch.Add(List.of(new MemberRef("u1", null)))),
        parse(
                """
                [{"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:members",
                  "value":[{"value":"u1"}]}]""")
            .memberChanges());
  }

  @Test
  void noPathReplaceSplitsMembersFromAttributesAndDropsTheOwnId() throws Exception {
    GroupPatch patch =
        parse(
            """
[{"op":"replace","value":{"id":"g-1","displayName":"New","members":[{"value":"u1"}]}}]""");
    assertEquals(
        List.of(new GroupPatch.Replace(List.of(new MemberRef("u1", null)))), patch.memberChanges());
    assertEquals(1, patch.attributeOperations().size());
    assertEquals(
        "{\"displayName\":\"New\"}", patch.attributeOperations().get(0).getJsonNode().toString());
  }

  @Test
  void noPathReplaceOfOnlyTheIdChangesNothing() throws Exception {
    GroupPatch patch = parse("[{\"op\":\"replace\",\"value\":{\"id\":\"g-1\"}}]");
    assertTrue(patch.attributeOperations().isEmpty());
    assertTrue(patch.memberChanges().isEmpty());
  }

  @Test
  void attributeOperationsPassThroughInOrder() throws Exception {
    GroupPatch patch =
        parse(
            """
            [{"op":"replace","path":"displayName","value":"A"},
             {"op":"add","path":"members","value":[{"value":"u1"}]},
             {"op":"remove","path":"externalId"}]""");
    assertEquals(2, patch.attributeOperations().size(), "the URN key became its own operation");
    assertEquals("displayName", patch.attributeOperations().get(0).getPath().toString());
    assertEquals("externalId", patch.attributeOperations().get(1).getPath().toString());
    assertEquals(1, patch.memberChanges().size());
  }

  @Test
  void unusableMemberOperationsAreRefusedWithTheRightScimType() {
    assertEquals(
        "invalidPath",
        invalid("[{\"op\":\"replace\",\"path\":\"members[value eq \\\"u1\\\"]\",\"value\":[]}]"));
    assertEquals(
        "invalidPath",
        invalid("[{\"op\":\"replace\",\"path\":\"members.display\",\"value\":\"x\"}]"));
    assertEquals(
        "invalidFilter",
        invalid("[{\"op\":\"remove\",\"path\":\"members[display eq \\\"x\\\"]\"}]"));
    assertEquals(
        "invalidValue",
        invalid("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"x\"}]}]"));
    assertEquals(
        "invalidValue",
        invalid(
            "[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"u1\",\"type\":\"Device\"}]}]"));
    assertEquals(
        "invalidValue", invalid("[{\"op\":\"add\",\"path\":\"members\",\"value\":\"u1\"}]"));
  }
}
