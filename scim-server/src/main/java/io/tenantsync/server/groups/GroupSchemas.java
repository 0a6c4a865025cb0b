package io.tenantsync.server.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.SchemaEdits;
import io.tenantsync.server.protocol.SchemaViolations;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.protocol.WritePreparation;
import java.beans.IntrospectionException;
import java.util.Set;

/**
 * The Group resource type: core Group (RFC 7643 §4.2), no extensions, as the SDK's schema checker
 * and discovery see it. Immutable, thread-safe.
 *
 * <p>The checker sees a group without its {@code members}: every member sub-attribute is immutable
 * (a member is added or removed, never changed), while members are added and removed all the time.
 * {@link MemberRefs} reads and checks members instead.
 */
public final class GroupSchemas {
  public static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String MEMBERS = "members";

  public static final ResourceTypeDefinition GROUP = build();

  private GroupSchemas() {}

  private static ResourceTypeDefinition build() {
    try {
      return new ResourceTypeDefinition.Builder("Group", "/Groups")
          .setId("Group")
          .setDescription("A group of users and groups of the tenant")
          .setCoreSchema(asEnforced(SchemaUtils.getSchema(GroupResource.class)))
          .build();
    } catch (IntrospectionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The SDK's Group schema, told what this server enforces: {@code displayName} is unique in the
   * tenant (409 {@code uniqueness}), and a member needs only its {@code value} ({@code $ref} is
   * derived from it, RFC 7643 §4.2 lists no sub-attribute as required).
   */
  private static SchemaResource asEnforced(SchemaResource sdk) {
    SchemaResource unique =
        SchemaEdits.edit(
            sdk,
            "displayName",
            attribute -> attribute.setUniqueness(AttributeDefinition.Uniqueness.SERVER));
    return SchemaEdits.edit(unique, "members.$ref", attribute -> attribute.setRequired(false));
  }

  public static SchemaResource coreSchema() {
    return GROUP.getCoreSchema();
  }

  /** A fresh checker (the SDK's is not documented as thread-safe). */
  static SchemaChecker checker() {
    return new SchemaChecker(GROUP);
  }

  /**
   * Checks a full group without its members (see the class comment) as a create would: 400 on any
   * syntax or mutability issue, {@code displayName} required.
   */
  static void checkAttributes(ObjectNode withoutMembers) throws ScimException {
    SchemaViolations.throwIfAny(checker().checkCreate(withoutMembers.deepCopy()));
  }

  /**
   * Makes a client's full resource ready to check and store: fills in a missing {@code schemas},
   * coerces string booleans, and drops read-only attributes (RFC 7644 §3.3: ignored on write).
   */
  static void prepareWrite(ObjectNode resource) throws BadRequestException {
    WritePreparation.prepare(GROUP, resource);
  }

  /**
   * Whether {@code projection} keeps {@code members} in a response, decided by the same trimmer
   * that projects the response, so that members are not read from the database for nothing.
   */
  static boolean wantsMembers(Projection projection, Set<Path> written) {
    ObjectNode probe = ScimJsonProvider.MAPPER.createObjectNode();
    probe.putArray("schemas").add(CORE);
    probe.put("id", "probe");
    probe
        .putArray(MEMBERS)
        .addObject()
        .put("value", "probe")
        .put("$ref", "https://probe/Users/probe")
        .put("type", "User")
        .put("display", "probe");
    return projection
        .apply(GROUP, new GenericScimResource(probe), written)
        .getObjectNode()
        .has(MEMBERS);
  }
}
