package io.tenantsync.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.util.List;

/**
 * How a write changes an existing installation-level resource, given its current representation
 * read in the write's own transaction: PUT replaces it with the request, PATCH applies operations
 * to it (RFC 7644 §3.5.2). Either way the service then applies the result with its replace rules,
 * so PUT and PATCH cannot drift apart.
 */
@FunctionalInterface
public interface ResourceEdit<R extends ScimResource> {

  R apply(R current) throws ScimException;

  /** PUT: the request is the new resource. */
  static <R extends ScimResource> ResourceEdit<R> replacement(R request) {
    return current -> request;
  }

  /**
   * PATCH: the body's operations ({@link PatchRequests}, every dialect), checked before any
   * transaction opens, applied in order to the current representation; changing a read-only
   * attribute is 400 {@code mutability}, a path the schema lacks 400 {@code invalidPath}.
   */
  static <R extends ScimResource> ResourceEdit<R> patch(
      ResourceTypeDefinition type, ObjectNode body, Class<R> resourceClass)
      throws BadRequestException {
    List<PatchOperation> operations = PatchRequests.parse(type, body);
    return current -> {
      ObjectNode resource = ScimJsonProvider.MAPPER.valueToTree(current);
      SchemaViolations.throwIfAny(new SchemaChecker(type).checkModify(operations, resource));
      for (PatchOperation operation : operations) {
        operation.apply(resource);
      }
      try {
        return ScimJsonProvider.MAPPER.treeToValue(resource, resourceClass);
      } catch (JsonProcessingException e) {
        throw BadRequestException.invalidValue(
            "the patched " + type.getName() + " is not valid: " + e.getOriginalMessage());
      }
    };
  }
}
