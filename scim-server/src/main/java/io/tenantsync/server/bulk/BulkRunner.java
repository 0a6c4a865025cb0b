package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.bulk.BulkOperation.Verb;
import io.tenantsync.server.protocol.InternalErrors;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.protocol.Shown;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operations of a parsed Bulk request against the {@link BulkTarget}s, in {@link
 * BulkOrder}'s order, and builds the {@code BulkResponse} (RFC 7644 §3.7.3): one entry per
 * operation run, in the client's order; with {@code failOnErrors} n it stops after the n-th
 * failure. The rules of the outcome of each operation are in {@link BulkService}. Thread-safe:
 * holds only immutable configuration; a run's state is local to it.
 */
final class BulkRunner {
  static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);

  private final Map<String, BulkTarget> targets;

  BulkRunner(List<BulkTarget> targets) {
    Map<String, BulkTarget> byEndpoint = new LinkedHashMap<>();
    for (BulkTarget target : targets) {
      byEndpoint.put(target.endpoint().toLowerCase(Locale.ROOT), target);
    }
    this.targets = Map.copyOf(byEndpoint);
  }

  ObjectNode run(Caller caller, String tenantId, BulkRequest request, Locations locations) {
    List<BulkOperation> operations = request.operations();
    BulkOrder.Plan plan = BulkOrder.plan(operations);
    Map<String, String> created = new HashMap<>();
    BulkResult[] results = new BulkResult[operations.size()];
    int errors = 0;
    for (int index : plan.order()) {
      BulkResult result =
          run(caller, tenantId, operations.get(index), plan.refusal(index), created, locations);
      results[index] = result;
      if (result.failed()) {
        errors++;
        if (request.failOnErrors() != null && errors >= request.failOnErrors()) {
          break;
        }
      }
    }
    ObjectNode response = ScimJsonProvider.MAPPER.createObjectNode();
    response.putArray("schemas").add(RESPONSE_SCHEMA);
    ArrayNode entries = response.putArray("Operations");
    for (BulkResult result : results) {
      if (result != null) {
        entries.add(result.toJson());
      }
    }
    return response;
  }

  private BulkResult run(
      Caller caller,
      String tenantId,
      BulkOperation operation,
      @Nullable ScimException refusal,
      Map<String, String> created,
      Locations locations) {
    try {
      ScimException problem = operation.problem();
      if (problem != null) {
        throw problem;
      }
      if (refusal != null) {
        throw refusal;
      }
      BulkTarget target = target(operation);
      requireCreated(operation, created);
      Verb verb = Objects.requireNonNull(operation.verb());
      if (verb == Verb.POST) {
        Shown shown = target.create(caller, tenantId, data(operation, created), locations);
        String id = Objects.requireNonNull(shown.body().getId(), "created resource id");
        created.put(Objects.requireNonNull(operation.bulkId()), id);
        return BulkResult.success(operation, verb.success, shown.etag(), shown.location());
      }
      String id = BulkReferences.resolve(Objects.requireNonNull(operation.id()), created);
      String ifMatch = operation.version();
      if (verb == Verb.DELETE) {
        target.delete(caller, tenantId, id, ifMatch);
        URI location = locations.tenantResource(tenantId, target.endpoint(), id);
        return BulkResult.success(operation, verb.success, null, location);
      }
      ObjectNode data = data(operation, created);
      Shown shown =
          verb == Verb.PUT
              ? target.replace(caller, tenantId, id, data, ifMatch, locations)
              : target.patch(caller, tenantId, id, data, ifMatch, locations);
      return BulkResult.success(operation, verb.success, shown.etag(), shown.location());
    } catch (ScimException e) {
      return BulkResult.failure(operation, error(operation, e));
    } catch (RuntimeException e) {
      return BulkResult.failure(operation, internal(e));
    }
  }

  private BulkTarget target(BulkOperation operation) throws ResourceNotFoundException {
    String endpoint = Objects.requireNonNull(operation.endpoint());
    BulkTarget target = targets.get(endpoint.toLowerCase(Locale.ROOT));
    if (target == null) {
      throw new ResourceNotFoundException(
          operation.where()
              + ": no resource type /"
              + endpoint
              + "; Bulk writes to "
              + targets.values().stream()
                  .map(t -> "/" + t.endpoint())
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return target;
  }

  /** 400 if a bulkId the operation refers to was not created (its POST failed). */
  private static void requireCreated(BulkOperation operation, Map<String, String> created)
      throws BadRequestException {
    for (String bulkId : BulkReferences.of(operation)) {
      if (!created.containsKey(bulkId)) {
        throw BadRequestException.invalidValue(
            operation.where()
                + ": refers to bulkId '"
                + bulkId
                + "', whose POST failed, so there is no resource to refer to");
      }
    }
  }

  private static ObjectNode data(BulkOperation operation, Map<String, String> created) {
    return BulkReferences.resolve(Objects.requireNonNull(operation.data()), created);
  }

  private static ErrorResponse error(BulkOperation operation, ScimException e) {
    ErrorResponse error = e.getScimError();
    if (error.getStatus() >= 500) {
      return internal(e);
    }
    log.debug(
        "bulk {}: {} {}: {}",
        operation.where(),
        error.getStatus(),
        error.getScimType(),
        error.getDetail());
    return error;
  }

  /** 500 with an id only; the stack is logged under that id. */
  private static ErrorResponse internal(Throwable e) {
    return (ErrorResponse) InternalErrors.response(e).getEntity();
  }
}
