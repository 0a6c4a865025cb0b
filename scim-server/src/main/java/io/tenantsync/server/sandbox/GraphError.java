package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A refusal in Microsoft Graph's terms: HTTP status, Graph's error {@code code} and a message
 * worded as Graph words it. The endpoint turns it into Graph's error body (see {@link
 * GraphResponses#error}):
 *
 * <pre>{@code
 * {"error":{"code":"Request_BadRequest",
 *           "message":"Another object with the same value for property userPrincipalName already exists.",
 *           "details":[{"code":"ObjectConflict","message":"…","target":"userPrincipalName"}],
 *           "innerError":{"date":"2025-01-15T10:00:00","request-id":"…","client-request-id":"…"}}}
 * }</pre>
 *
 * <p>Thrown from inside a transaction, it rolls the transaction back. It carries no stack trace: it
 * is an answer, not a failure. Never carries data the caller may not see.
 */
final class GraphError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final @Nullable String conflictTarget;

  private GraphError(int status, String code, String message, @Nullable String conflictTarget) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.conflictTarget = conflictTarget;
  }

  static GraphError of(int status, String code, String message) {
    return new GraphError(status, code, message, null);
  }

  static GraphError badRequest(String message) {
    return of(400, "Request_BadRequest", message);
  }

  static GraphError badRequest(String code, String message) {
    return of(400, code, message);
  }

  /** Graph's wording for a missing or malformed property value. */
  static GraphError invalidValue(String property) {
    return badRequest(
        "Invalid value specified for property '" + property + "' of resource 'User'.");
  }

  /** A property that does not exist on the type, or that may not be written. */
  static GraphError unknownProperty(String property) {
    return badRequest(
        "Property '" + property + "' does not exist as a declared property or extension property.");
  }

  static GraphError readOnly(String property) {
    return badRequest("Property '" + property + "' is read-only and cannot be set.");
  }

  /** Graph's uniqueness refusal; clients recognise it by {@code details[].code ObjectConflict}. */
  static GraphError conflict(String property) {
    return new GraphError(
        400,
        "Request_BadRequest",
        "Another object with the same value for property " + property + " already exists.",
        property);
  }

  static GraphError notFound(String id) {
    return of(
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + id
            + "' does not exist or one of its queried reference-property objects are not"
            + " present.");
  }

  static GraphError unauthorized(String message) {
    return of(401, "InvalidAuthenticationToken", message);
  }

  static GraphError forbidden() {
    return of(
        403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }

  static GraphError unsupportedQuery(String message) {
    return of(400, "Request_UnsupportedQuery", message);
  }

  /** A delta token that is too old, from another tenant, or not one of ours. */
  static GraphError resyncRequired() {
    return of(
        410,
        "resyncRequired",
        "Resync required: the delta token has expired or is not valid. Start a new delta round"
            + " without a token.");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The {@code error} object, without {@code innerError}. */
  ObjectNode body() {
    ObjectNode error = SandboxJson.object();
    error.put("code", code);
    error.put("message", getMessage());
    if (conflictTarget != null) {
      error
          .putArray("details")
          .addObject()
          .put("code", "ObjectConflict")
          .put("message", getMessage())
          .put("target", conflictTarget);
    }
    return error;
  }
}
