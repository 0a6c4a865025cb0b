package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a Bulk request's {@code Operations}, as read by {@link BulkRequest}. {@code method}
 * (upper-cased) and {@code bulkId} are kept as sent so that even an operation that cannot run is
 * reported under them. {@code problem} says why it cannot run, or is null; when it is null, {@code
 * verb} and {@code endpoint} are set, {@code id} is set unless the verb is POST, and {@code data}
 * is set unless it is DELETE.
 *
 * @param index the operation's position in the request, from 0
 * @param id the resource id from the path, possibly a {@code bulkId:…} reference
 * @param version the {@code version} to check, as {@code If-Match}
 */
record BulkOperation(
    int index,
    @Nullable String method,
    @Nullable String bulkId,
    @Nullable Verb verb,
    @Nullable String endpoint,
    @Nullable String id,
    @Nullable String version,
    @Nullable ObjectNode data,
    @Nullable ScimException problem) {

  /** The methods an operation may have, with the status each answers on success. */
  enum Verb {
    POST(201),
    PUT(200),
    PATCH(200),
    DELETE(204);

    final int success;

    Verb(int success) {
      this.success = success;
    }
  }

  /** True if this operation creates a resource other operations may refer to by its bulkId. */
  boolean declaresBulkId() {
    return bulkId != null && Verb.POST.name().equals(method);
  }

  /** {@code Operations[3]}, for details. */
  String where() {
    return "Operations[" + index + "]";
  }
}
