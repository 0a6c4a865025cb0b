package io.tenantsync.server.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Between the SCIM wire model of a User (a JSON object) and {@link UserEntity}. The one place that
 * knows which attribute goes to which column.
 *
 * <p>What the client wrote is kept as JSON, minus what the server owns (id, meta, schemas, the
 * reseller extension's read-only attributes) and minus the password, which is never stored.
 */
public final class UserMapper {
  static final String RESOURCE_TYPE = "User";
  static final String ENDPOINT = "Users";

  private UserMapper() {}

  /**
   * Writes a checked request into the entity: columns and stored JSON. userName rules (domain,
   * uniqueness) are the service's; this only copies.
   */
  static void write(ObjectNode request, UserEntity entity) throws BadRequestException {
    ObjectNode stored = request.deepCopy();
    stored.remove(List.of("id", "meta", "schemas", "password", "entitlements", "roles", "groups"));
    entity.setUserName(text(request, "userName"));
    entity.setExternalId(text(request, "externalId"));
    JsonNode name = request.path("name");
    entity.setIdentity(
        text(request, "displayName"),
        text(name, "givenName"),
        text(name, "familyName"),
        text(request, "title"),
        text(request, "userType"));
    JsonNode active = request.get("active");
    entity.setActive(active == null || active.isNull() || active.asBoolean(true));
    JsonNode enterprise = request.path(UserSchemas.ENTERPRISE);
    entity.setEnterprise(text(enterprise, "employeeNumber"), text(enterprise, "department"));
    JsonNode reseller = request.path(UserSchemas.RESELLER);
    entity.setUsageLocation(upper(text(reseller, "usageLocation")));
    entity.setAlternateEmail(text(reseller, "alternateEmail"));
    if (stored.get(UserSchemas.RESELLER) instanceof ObjectNode extension) {
      extension.retain("usageLocation", "alternateEmail", "officeLocation");
      if (extension.isEmpty()) {
        stored.remove(UserSchemas.RESELLER);
      }
    }
    entity.setEmails(emails(entity.tenantId(), request.path("emails")));
    entity.setAttributes(stored.toString());
  }

  /** The wire form of a stored user, with meta and every server-owned attribute. */
  static GenericScimResource toResource(StoredUser entity, UserAccess access, Locations locations) {
    ObjectNode stored = parse(entity.attributes());
    ObjectNode node = ScimJsonProvider.MAPPER.createObjectNode();
    ArrayNode schemas = node.putArray("schemas").add(UserSchemas.CORE);
    if (stored.has(UserSchemas.ENTERPRISE)) {
      schemas.add(UserSchemas.ENTERPRISE);
    }
    schemas.add(UserSchemas.RESELLER);
    node.put("id", entity.id());
    node.setAll(stored);
    // Columns the server itself may change (R6 rename, deactivation) win over the stored JSON.
    node.put("userName", entity.userName());
    node.put("active", entity.active());
    if (!access.licenses().isEmpty()) {
      ArrayNode entitlements = node.putArray("entitlements");
      for (UserAccess.License license : access.licenses()) {
        ObjectNode entitlement = entitlements.addObject().put("value", license.skuPartNumber());
        putIfSet(entitlement, "display", license.display());
        entitlement.put("type", "license");
      }
    }
    if (!access.groups().isEmpty()) {
      ArrayNode groups = node.putArray("groups");
      for (UserAccess.GroupRef group : access.groups()) {
        groups
            .addObject()
            .put("value", group.id())
            .put(
                "$ref",
                locations.tenantResource(entity.tenantId(), "Groups", group.id()).toString())
            .put("display", group.displayName())
            .put("type", "direct");
      }
    }
    if (!access.roles().isEmpty()) {
      ArrayNode roles = node.putArray("roles");
      access.roles().forEach(role -> roles.addObject().put("value", role).put("type", "admin"));
    }
    JsonNode storedReseller = stored.get(UserSchemas.RESELLER);
    ObjectNode reseller = node.putObject(UserSchemas.RESELLER);
    if (storedReseller instanceof ObjectNode extra && extra.hasNonNull("officeLocation")) {
      reseller.set("officeLocation", extra.get("officeLocation"));
    }
    reseller.put("managed", entity.managed());
    reseller.put("source", entity.source());
    reseller.put("initialUserName", entity.initialUserName());
    putIfSet(reseller, "tenantObjectId", entity.tenantObjectId());
    putIfSet(reseller, "usageLocation", entity.usageLocation());
    putIfSet(reseller, "alternateEmail", entity.alternateEmail());
    reseller.put("syncState", entity.syncState());
    putIfSet(reseller, "syncError", entity.syncError());
    Metas.putInto(
        node,
        entity.created(),
        entity.lastModified(),
        entity.version(),
        RESOURCE_TYPE,
        locations.tenantResource(entity.tenantId(), ENDPOINT, entity.id()));
    return new GenericScimResource(node);
  }

  /**
   * The {@code value}s of a multi-valued attribute ({@code entitlements}, {@code roles}), or null
   * when the resource does not carry it.
   */
  static java.util.@Nullable Set<String> values(ObjectNode resource, String attribute)
      throws BadRequestException {
    JsonNode array = resource.get(attribute);
    if (array == null || array.isNull()) {
      return null;
    }
    java.util.Set<String> values = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (!array.isArray()) {
      throw BadRequestException.invalidValue(attribute + " must be an array");
    }
    for (JsonNode item : array) {
      String value = item.isTextual() ? item.asText() : text(item, "value");
      if (value == null || value.isBlank()) {
        throw BadRequestException.invalidValue("every " + attribute + " entry needs a value");
      }
      values.add(value.trim());
    }
    return values;
  }

  private static List<UserEmail> emails(String tenantId, JsonNode emails)
      throws BadRequestException {
    List<UserEmail> result = new ArrayList<>();
    if (!emails.isArray()) {
      return result;
    }
    for (JsonNode email : emails) {
      String value = text(email, "value");
      if (value == null) {
        throw BadRequestException.invalidValue("every emails value needs a 'value'");
      }
      if (value.length() > 256) {
        throw BadRequestException.invalidValue("emails value longer than 256 characters");
      }
      result.add(
          new UserEmail(
              tenantId,
              value,
              text(email, "type"),
              email.path("primary").asBoolean(false),
              text(email, "display")));
    }
    return result;
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) ScimJsonProvider.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored user attributes are not JSON", e);
    }
  }

  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  private static @Nullable String upper(@Nullable String value) {
    return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
  }

  private static void putIfSet(ObjectNode node, String field, @Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
