package io.tenantsync.server.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code members} values as clients send them: an array of {@code {"value":"id"}} objects
 * (optionally with {@code type}, {@code $ref}, {@code display}), or a single such object. Every
 * member needs a non-empty {@code value}; {@code type}, if given, must be {@code User} or {@code
 * Group} (any case). Repeated ids count once.
 */
final class MemberRefs {
  private MemberRefs() {}

  /** The members of {@code value}; null or JSON null is no members. */
  static List<MemberRef> parse(@Nullable JsonNode value) throws BadRequestException {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return List.of();
    }
    Map<String, MemberRef> result = new LinkedHashMap<>();
    if (value.isObject()) {
      add(result, value);
    } else if (value.isArray()) {
      for (JsonNode member : value) {
        add(result, member);
      }
    } else {
      throw BadRequestException.invalidValue("members must be an array of {\"value\":\"id\"}");
    }
    return new ArrayList<>(result.values());
  }

  /**
   * The members a POST or PUT body names ({@code members} in any case), at most {@value
   * GroupMemberships#MAX_RETURNED}: a group is created or replaced with no more members than a
   * response carries, and grows beyond that by PATCH.
   */
  static List<MemberRef> ofResource(ObjectNode resource) throws BadRequestException {
    JsonNode value = null;
    for (Iterator<String> names = resource.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase(GroupSchemas.MEMBERS)) {
        value = resource.get(name);
      }
    }
    List<MemberRef> members = parse(value);
    if (members.size() > GroupMemberships.MAX_RETURNED) {
      throw BadRequestException.tooMany(
          "a group is created or replaced with at most "
              + GroupMemberships.MAX_RETURNED
              + " members; add more with PATCH");
    }
    return members;
  }

  /** A copy of {@code resource} without {@code members}, for the schema checker. */
  static ObjectNode withoutMembers(ObjectNode resource) {
    ObjectNode copy = resource.deepCopy();
    for (Iterator<String> names = copy.fieldNames(); names.hasNext(); ) {
      if (names.next().equalsIgnoreCase(GroupSchemas.MEMBERS)) {
        names.remove();
      }
    }
    return copy;
  }

  private static void add(Map<String, MemberRef> result, JsonNode member)
      throws BadRequestException {
    if (!member.isObject()) {
      throw BadRequestException.invalidValue(
          "every member must be an object like {\"value\":\"id\"}, not " + member);
    }
    JsonNode value = member.get("value");
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw BadRequestException.invalidValue("every member needs a 'value' (the member's id)");
    }
    String id = value.asText().trim();
    MemberRef ref = new MemberRef(id, type(id, member.get("type")));
    MemberRef previous = result.putIfAbsent(id, ref);
    if (previous != null && previous.type() == null) {
      result.put(id, ref);
    }
  }

  private static @Nullable String type(String id, @Nullable JsonNode type)
      throws BadRequestException {
    if (type == null || type.isNull()) {
      return null;
    }
    if (type.isTextual() && type.asText().equalsIgnoreCase(Member.USER)) {
      return Member.USER;
    }
    if (type.isTextual() && type.asText().equalsIgnoreCase(Member.GROUP)) {
      return Member.GROUP;
    }
    throw BadRequestException.invalidValue(
        "member " + id + ": type must be User or Group, not " + type);
  }
}
