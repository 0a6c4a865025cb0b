package io.tenantsync.server.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import io.tenantsync.server.protocol.SchemaViolations;
import io.tenantsync.server.protocol.WritePreparation;
import java.beans.IntrospectionException;

/**
 * The User resource type: core User (RFC 7643 §4.1) with the enterprise extension (§4.3) and the
 * reseller extension, as the SDK's schema checker and discovery see it. Immutable, thread-safe.
 */
public final class UserSchemas {
  public static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String RESELLER = ResellerUserExtension.SCHEMA;

  public static final ResourceTypeDefinition USER = build();

  private UserSchemas() {}

  private static ResourceTypeDefinition build() {
    try {
      return new ResourceTypeDefinition.Builder("User", "/Users")
          .setId("User")
          .setDescription("A user of the tenant")
          .setCoreSchema(SchemaUtils.getSchema(UserResource.class))
          .addOptionalSchemaExtension(SchemaUtils.getSchema(EnterpriseUserExtension.class))
          .addOptionalSchemaExtension(SchemaUtils.getSchema(ResellerUserExtension.class))
          .build();
    } catch (IntrospectionException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static SchemaResource coreSchema() {
    return USER.getCoreSchema();
  }

  /** A fresh checker (the SDK's is not documented as thread-safe). */
  public static SchemaChecker checker() {
    return new SchemaChecker(USER);
  }

  /**
   * Validates a create request against the schemas: 400 on any syntax or mutability issue. A
   * request without {@code schemas} (RFC 7643 §3 requires it, yet some clients leave it out) gets
   * the core schema and the URN of every extension it carries, rather than a refusal.
   */
  public static void checkCreate(ObjectNode resource) throws ScimException {
    prepareWrite(resource);
    SchemaViolations.throwIfAny(checker().checkCreate(resource));
  }

  /**
   * Makes a client's full resource ready to check and store: fills in {@code schemas}, coerces
   * string booleans, and drops read-only attributes (RFC 7644 §3.3: they are ignored on write).
   */
  public static void prepareWrite(ObjectNode resource) throws BadRequestException {
    WritePreparation.prepare(USER, resource);
  }
}
