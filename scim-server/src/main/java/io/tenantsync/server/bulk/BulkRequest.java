package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.bulk.BulkOperation.Verb;
import io.tenantsync.server.protocol.RequestLimits;
import io.tenantsync.server.protocol.ScimErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Bulk request ({@code urn:ietf:params:scim:api:messages:2.0:BulkRequest}, RFC 7644 §3.7.1) as
 * read from its body. Attribute names are matched in any case.
 *
 * <p>What makes the whole request unusable refuses it: no body, a wrong {@code schemas}, {@code
 * Operations} missing or not an array of objects, a {@code failOnErrors} that is not a positive
 * integer → 400 ({@code invalidSyntax}, or {@code invalidValue} for a bad value); more than {@link
 * RequestLimits#MAX_BULK_OPERATIONS} operations → 413 (§3.7.4); two operations with the same {@code
 * bulkId} → 400 {@code invalidValue}, since references to it would be ambiguous.
 *
 * <p>What is wrong with one operation is that operation's {@link BulkOperation#problem()}, reported
 * in its own result while the others run: a {@code method} other than POST, PUT, PATCH or DELETE
 * (any case), a {@code path} that is not {@code /{ResourceType}} for POST or {@code
 * /{ResourceType}/{id}} for the others, a POST without {@code bulkId}, a {@code version} that is
 * not a string → 400 {@code invalidValue}; {@code data} missing or not an object where the method
 * needs one → 400 {@code invalidSyntax}.
 *
 * @param failOnErrors stop after this many failed operations; null: run them all
 */
record BulkRequest(@Nullable Integer failOnErrors, List<BulkOperation> operations) {
  static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  static BulkRequest parse(@Nullable ObjectNode body) throws ScimException {
    if (body == null) {
      throw BadRequestException.invalidSyntax(
          "a Bulk request needs a body: {\"schemas\":[\"" + SCHEMA + "\"],\"Operations\":[…]}");
    }
    checkSchemas(field(body, "schemas"));
    JsonNode operations = field(body, "Operations");
    if (operations == null || !operations.isArray()) {
      throw BadRequestException.invalidSyntax("a Bulk request needs an Operations array");
    }
    if (operations.size() > RequestLimits.MAX_BULK_OPERATIONS) {
      throw ScimErrors.status(
          413,
          null,
          "the request has "
              + operations.size()
              + " operations; maxOperations is "
              + RequestLimits.MAX_BULK_OPERATIONS
              + " (see bulk in ServiceProviderConfig)");
    }
    Integer failOnErrors = failOnErrors(field(body, "failOnErrors"));
    List<BulkOperation> result = new ArrayList<>();
    Map<String, Integer> bulkIds = new HashMap<>();
    for (JsonNode node : operations) {
      int index = result.size();
      if (!(node instanceof ObjectNode operation)) {
        throw BadRequestException.invalidSyntax(
            "Operations[" + index + "] must be an object with method, path and data");
      }
      BulkOperation parsed = operation(index, operation);
      if (parsed.bulkId() != null) {
        Integer previous = bulkIds.putIfAbsent(parsed.bulkId(), index);
        if (previous != null) {
          throw BadRequestException.invalidValue(
              "Operations[%d] and Operations[%d] have the same bulkId '%s'; bulkIds must be unique"
                  .formatted(previous, index, parsed.bulkId()));
        }
      }
      result.add(parsed);
    }
    return new BulkRequest(failOnErrors, List.copyOf(result));
  }

  private static void checkSchemas(@Nullable JsonNode schemas) throws BadRequestException {
    if (schemas == null || schemas.isNull()) {
      return; // tolerated, as for PATCH
    }
    if (schemas.isArray()) {
      for (JsonNode schema : schemas) {
        if (SCHEMA.equalsIgnoreCase(schema.asText())) {
          return;
        }
      }
    }
    throw BadRequestException.invalidSyntax(
        "a Bulk request's schemas must be [\"" + SCHEMA + "\"]");
  }

  private static @Nullable Integer failOnErrors(@Nullable JsonNode value)
      throws BadRequestException {
    if (value == null || value.isNull()) {
      return null;
    }
    Integer number = null;
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      number = value.asInt();
    } else if (value.isTextual()) {
      try {
        number = Integer.valueOf(value.asText().trim());
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null) {
      throw BadRequestException.invalidSyntax("failOnErrors must be an integer, not " + value);
    }
    if (number < 1) {
      throw BadRequestException.invalidValue(
          "failOnErrors must be at least 1 (the number of errors after which to stop), not "
              + number);
    }
    return number;
  }

  /** Reads one operation; what is wrong with it becomes its problem. */
  private static BulkOperation operation(int index, ObjectNode node) {
    String where = "Operations[" + index + "]";
    JsonNode methodNode = field(node, "method");
    String method =
        methodNode != null && methodNode.isTextual()
            ? methodNode.asText().trim().toUpperCase(Locale.ROOT)
            : null;
    JsonNode bulkIdNode = field(node, "bulkId");
    String bulkId =
        bulkIdNode != null && bulkIdNode.isTextual() && !bulkIdNode.asText().isEmpty()
            ? bulkIdNode.asText()
            : null;
    Verb verb = null;
    String endpoint = null;
    String id = null;
    String version = null;
    ObjectNode data = null;
    ScimException problem = null;
    try {
      verb = verb(where, method);
      if (bulkIdNode != null && !bulkIdNode.isNull() && bulkId == null) {
        throw BadRequestException.invalidValue(where + ": bulkId must be a non-empty string");
      }
      if (verb == Verb.POST && bulkId == null) {
        throw BadRequestException.invalidValue(
            where + ": a POST needs a bulkId (RFC 7644 §3.7), unique within the request");
      }
      String[] path = path(where, verb, field(node, "path"));
      endpoint = path[0];
      id = path.length > 1 ? path[1] : null;
      version = version(where, field(node, "version"));
      data = verb == Verb.DELETE ? null : data(where, verb, field(node, "data"));
    } catch (BadRequestException e) {
      problem = e;
    }
    return new BulkOperation(index, method, bulkId, verb, endpoint, id, version, data, problem);
  }

  private static Verb verb(String where, @Nullable String method) throws BadRequestException {
    if (method != null) {
      for (Verb verb : Verb.values()) {
        if (verb.name().equals(method)) {
          return verb;
        }
      }
    }
    throw BadRequestException.invalidValue(
        where
            + ": method must be POST, PUT, PATCH or DELETE"
            + (method == null ? "" : ", not " + method));
  }

  /** {@code /Users} → [Users]; {@code /Users/42} → [Users, 42]; the leading slash is optional. */
  private static String[] path(String where, Verb verb, @Nullable JsonNode node)
      throws BadRequestException {
    String expected =
        verb == Verb.POST ? "/{ResourceType}, e.g. /Users" : "/{ResourceType}/{id}, e.g. /Users/42";
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw BadRequestException.invalidValue(where + ": path must be " + expected);
    }
    String text = node.asText().trim();
    String relative = text.startsWith("/") ? text.substring(1) : text;
    String[] segments = relative.split("/", -1);
    boolean wellFormed =
        segments.length == (verb == Verb.POST ? 1 : 2)
            && !segments[0].isEmpty()
            && (segments.length == 1 || !segments[1].isEmpty())
            && !relative.contains("?");
    if (!wellFormed) {
      throw BadRequestException.invalidValue(
          where + ": path of a " + verb + " must be " + expected + ", not " + text);
    }
    return segments;
  }

  private static @Nullable String version(String where, @Nullable JsonNode node)
      throws BadRequestException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw BadRequestException.invalidValue(
          where + ": version must be a string such as W/\"3\" (the resource's ETag)");
    }
    return node.asText();
  }

  private static ObjectNode data(String where, Verb verb, @Nullable JsonNode node)
      throws BadRequestException {
    if (!(node instanceof ObjectNode object)) {
      throw BadRequestException.invalidSyntax(
          where
              + ": a "
              + verb
              + " needs data: "
              + (verb == Verb.PATCH ? "a PatchOp body" : "the resource")
              + " as an object");
    }
    return object;
  }

  /** A member of {@code object} by name, in any case: SCIM names are case-insensitive. */
  private static @Nullable JsonNode field(ObjectNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }
}
