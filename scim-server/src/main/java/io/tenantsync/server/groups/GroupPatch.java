package io.tenantsync.server.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import io.tenantsync.server.protocol.PatchRequests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A PATCH on a group (RFC 7644 §3.5.2), split in two: operations on the group's own attributes,
 * which the SDK applies to the group's JSON, and changes of its members, which {@link
 * GroupMemberships} applies as set-based statements so that a group of any size gains or loses a
 * member without its other members being read. Every dialect real clients send is understood:
 *
 * <pre>
 * {"op":"add","path":"members","value":[{"value":"u1"},{"value":"u2"}]}     batch add (Entra, Okta)
 * {"op":"remove","path":"members[value eq \"u1\"]"}                          remove by filter
 * {"op":"remove","path":"members","value":[{"value":"u1"}]}                remove by value (Entra)
 * {"op":"remove","path":"members"}                                          remove every member
 * {"op":"replace","path":"members","value":[]}                              replace (Okta)
 * {"op":"replace","value":{"id":"g1","displayName":"New","members":[…]}}     no path (Okta)
 * </pre>
 *
 * Adding a member that is already there, or removing one that is not, changes nothing.
 */
final class GroupPatch {

  /** One change of a group's members, applied in request order. */
  sealed interface MemberChange {}

  /** Adds members (already present: no-op). */
  record Add(List<MemberRef> members) implements MemberChange {}

  /** Removes members by id (absent: no-op). */
  record Remove(List<String> ids) implements MemberChange {}

  /** Removes every member. */
  record RemoveAll() implements MemberChange {}

  /** Makes {@code members} the whole membership. */
  record Replace(List<MemberRef> members) implements MemberChange {}

  private final List<PatchOperation> attributeOperations;
  private final List<MemberChange> memberChanges;
  private final Set<Path> written;

  private GroupPatch(
      List<PatchOperation> attributeOperations,
      List<MemberChange> memberChanges,
      Set<Path> written) {
    this.attributeOperations = attributeOperations;
    this.memberChanges = memberChanges;
    this.written = written;
  }

  /**
   * Reads a PATCH body aimed at group {@code groupId}. {@link PatchRequests#parse} checks the
   * envelope, the op names (any case) and the paths, and has already turned a remove by value into
   * a remove by filter.
   */
  static GroupPatch parse(String groupId, ObjectNode body) throws BadRequestException {
    List<PatchOperation> operations = PatchRequests.parse(GroupSchemas.GROUP, body);
    List<PatchOperation> attributes = new ArrayList<>();
    List<MemberChange> members = new ArrayList<>();
    Set<Path> written = new HashSet<>();
    for (int i = 0; i < operations.size(); i++) {
      PatchOperation operation = operations.get(i);
      String where = "Operations[" + i + "]: ";
      Path path = operation.getPath();
      if (path == null || path.isRoot()) {
        noPath(groupId, operation, attributes, members, written);
      } else if (isMembers(path)) {
        members.add(memberChange(where, operation));
        written.add(Path.root().attribute(GroupSchemas.MEMBERS));
      } else {
        attributes.add(operation);
        written.add(path.withoutFilters());
      }
    }
    return new GroupPatch(attributes, members, written);
  }

  List<PatchOperation> attributeOperations() {
    return attributeOperations;
  }

  List<MemberChange> memberChanges() {
    return memberChanges;
  }

  /** The attributes the request wrote, for the response's projection. */
  Set<Path> written() {
    return written;
  }

  /** A no-path add or replace: its value's {@code members} is a member change, the rest not. */
  private static void noPath(
      String groupId,
      PatchOperation operation,
      List<PatchOperation> attributes,
      List<MemberChange> members,
      Set<Path> written)
      throws BadRequestException {
    ObjectNode value = ((ObjectNode) operation.getJsonNode()).deepCopy();
    if (value.get(GroupSchemas.CORE) instanceof ObjectNode core) {
      value.remove(GroupSchemas.CORE);
      value.setAll(core);
    }
    JsonNode id = value.get("id");
    if (id != null && id.asText().equals(groupId)) {
      value.remove("id"); // Okta repeats the id in a no-path replace
    }
    JsonNode memberValue = null;
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(GroupSchemas.MEMBERS)) {
        memberValue = field.getValue();
        fields.remove();
      } else {
        written.add(Path.root().attribute(field.getKey()));
      }
    }
    if (memberValue != null) {
      List<MemberRef> refs = MemberRefs.parse(memberValue);
      members.add(operation.getOpType() == PatchOpType.REPLACE ? new Replace(refs) : new Add(refs));
      written.add(Path.root().attribute(GroupSchemas.MEMBERS));
    }
    if (!value.isEmpty()) {
      attributes.add(PatchOperation.create(operation.getOpType(), (Path) null, value));
    }
  }

  private static boolean isMembers(Path path) {
    String urn = path.getSchemaUrn();
    return (urn == null || urn.equalsIgnoreCase(GroupSchemas.CORE))
        && path.size() >= 1
        && path.getElement(0).getAttribute().equalsIgnoreCase(GroupSchemas.MEMBERS);
  }

  private static MemberChange memberChange(String where, PatchOperation operation)
      throws BadRequestException {
    Path path = operation.getPath();
    Filter filter = path.getElement(0).getValueFilter();
    if (path.size() > 1) {
      throw BadRequestException.invalidPath(
          where
              + "members are added and removed whole; use the path members or"
              + " members[value eq \"id\"], not "
              + path);
    }
    if (operation.getOpType() == PatchOpType.REMOVE) {
      if (filter != null) {
        List<String> ids = new ArrayList<>();
        collectIds(where, filter, ids);
        return new Remove(ids);
      }
      // A remove with a value ({"value":[{"value":"id"}]}, Entra ID) arrives as a filter:
      // PatchRequests turns it into members[value eq "id" or …]. Without either, it is all.
      return new RemoveAll();
    }
    if (filter != null) {
      throw BadRequestException.invalidPath(
          where
              + operation.getOpType().name().toLowerCase(Locale.ROOT)
              + " of members takes the path members, without a filter");
    }
    List<MemberRef> refs = MemberRefs.parse(operation.getJsonNode());
    return operation.getOpType() == PatchOpType.REPLACE ? new Replace(refs) : new Add(refs);
  }

  /** {@code value eq "a"}, or several of them joined by {@code or}. */
  private static void collectIds(String where, Filter filter, List<String> ids)
      throws BadRequestException {
    if (filter.getFilterType() == FilterType.OR) {
      for (Filter part : filter.getCombinedFilters()) {
        collectIds(where, part, ids);
      }
      return;
    }
    if (filter.getFilterType() == FilterType.EQUAL
        && filter.getAttributePath().toString().equalsIgnoreCase("value")
        && filter.getComparisonValue().isTextual()) {
      ids.add(filter.getComparisonValue().asText());
      return;
    }
    throw BadRequestException.invalidFilter(
        where + "members are removed by id: members[value eq \"id\"], not [" + filter + "]");
  }
}
