package io.tenantsync.server.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Between the SCIM wire model of a Group (a JSON object) and {@link GroupEntity} plus its {@link
 * Member}s. The one place that knows which attribute goes to which column.
 *
 * <pre>
 * {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"…","displayName":"Sales",
 *  "externalId":"e-7","members":[{"value":"…","$ref":"…/Users/…","type":"User","display":"Ann"}],
 *  "meta":{"resourceType":"Group",…}}
 * </pre>
 */
final class GroupMapper {
  static final String RESOURCE_TYPE = "Group";
  static final String ENDPOINT = "Groups";

  private GroupMapper() {}

  /** Copies a checked group's own attributes (not its members) into the entity. */
  static void write(ObjectNode resource, GroupEntity entity) throws BadRequestException {
    String displayName = text(resource, "displayName");
    if (displayName == null) {
      throw BadRequestException.invalidValue("displayName is required");
    }
    String externalId = text(resource, "externalId");
    if (displayName.length() > 256 || (externalId != null && externalId.length() > 256)) {
      throw BadRequestException.invalidValue(
          "displayName and externalId are at most 256 characters");
    }
    entity.setDisplayName(displayName);
    entity.setExternalId(externalId);
  }

  /**
   * The wire form of a group. {@code members} null means they were not read (the projection leaves
   * them out); an empty list means the group has none. Either way the attribute is absent.
   */
  static GenericScimResource toResource(
      GroupEntity entity, @Nullable List<Member> members, Locations locations) {
    ObjectNode node = withoutMembers(entity, locations);
    if (members != null && !members.isEmpty()) {
      ArrayNode array = node.putArray(GroupSchemas.MEMBERS);
      for (Member member : members) {
        ObjectNode item = array.addObject();
        item.put("value", member.value());
        item.put(
            "$ref",
            locations
                .tenantResource(
                    entity.tenantId(),
                    Member.USER.equals(member.type()) ? "Users" : ENDPOINT,
                    member.value())
                .toString());
        item.put("type", member.type());
        if (member.display() != null) {
          item.put("display", member.display());
        }
      }
    }
    return new GenericScimResource(node);
  }

  /** The group's own attributes and meta, as PATCH operations on them see the group. */
  static ObjectNode withoutMembers(GroupEntity entity, Locations locations) {
    ObjectNode node = ScimJsonProvider.MAPPER.createObjectNode();
    node.putArray("schemas").add(GroupSchemas.CORE);
    node.put("id", entity.id());
    if (entity.externalId() != null) {
      node.put("externalId", entity.externalId());
    }
    node.put("displayName", entity.displayName());
    Metas.putInto(
        node,
        entity,
        RESOURCE_TYPE,
        locations.tenantResource(entity.tenantId(), ENDPOINT, entity.id()));
    return node;
  }

  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }
}
