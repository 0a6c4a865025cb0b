package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one operation, as an entry of a {@code BulkResponse}'s {@code Operations} (RFC
 * 7644 §3.7.3). A success carries {@code location} and, unless it was a DELETE, {@code version}; no
 * resource body (the RFC lets it be left out). A failure carries the SCIM error as {@code
 * response}:
 *
 * <pre>{@code
 * {"method":"POST","bulkId":"q1","version":"W/\"1\"",
 *  "location":"https://host/scim/v2/tenants/t1/Users/8f…","status":"201"}
 * {"method":"PATCH","status":"409","response":{"schemas":["urn:…:Error"],
 *  "status":"409","scimType":"uniqueness","detail":"…"}}
 * }</pre>
 */
record BulkResult(
    BulkOperation operation,
    int status,
    @Nullable String version,
    @Nullable URI location,
    @Nullable ErrorResponse error) {

  static BulkResult success(
      BulkOperation operation, int status, @Nullable String version, URI location) {
    return new BulkResult(operation, status, version, location, null);
  }

  static BulkResult failure(BulkOperation operation, ErrorResponse error) {
    return new BulkResult(operation, error.getStatus(), null, null, error);
  }

  boolean failed() {
    return error != null;
  }

  ObjectNode toJson() {
    ObjectNode node = ScimJsonProvider.MAPPER.createObjectNode();
    if (operation.method() != null) {
      node.put("method", operation.method());
    }
    if (operation.bulkId() != null) {
      node.put("bulkId", operation.bulkId());
    }
    if (version != null) {
      node.put("version", version);
    }
    if (location != null) {
      node.put("location", location.toString());
    }
    node.put("status", Integer.toString(status));
    if (error != null) {
      node.set("response", ScimJsonProvider.MAPPER.valueToTree(error));
    }
    return node;
  }
}
