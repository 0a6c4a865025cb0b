package io.tenantsync.server.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.protocol.Locations;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a Bulk request (RFC 7644 §3.7) on one tenant.
 *
 * <p>The request as a whole: a tenant out of the caller's reach → 404 before anything is read; a
 * body that is not a Bulk request → 400; more than {@code maxOperations} operations → 413 (see
 * {@link BulkRequest}); bodies over {@code maxPayloadSize} never get here (413 from {@code
 * PayloadLimitFilter}). Otherwise the answer is 200 with a {@code BulkResponse}, whatever the
 * operations' outcomes.
 *
 * <p>Each operation is one call of its {@link BulkTarget}, so one transaction with exactly the
 * rights, rules and errors of the same request sent on its own (a Limited administrator's write is
 * 403, a taken userName 409 {@code uniqueness}, a stale {@code version} 412). It commits or fails
 * alone; the others go on. Operations run in {@link BulkOrder}'s order (forward bulkId references
 * resolved) and are reported in the client's order. With {@code failOnErrors} n, processing stops
 * after the n-th failure and only the operations run so far are reported (§3.7.3).
 *
 * <p>An operation fails, with a SCIM error in its {@code response}, also when: its path names a
 * resource type Bulk does not write to → 404 (what the same path would answer on its own); it
 * refers to a bulkId whose POST failed → 400 {@code invalidValue}; it refers to an unknown or
 * circular bulkId (see {@link BulkOrder}); it is malformed (see {@link BulkRequest}). An unexpected
 * failure is 500 with only an id, logged under that id, as everywhere.
 *
 * <p>Thread-safe: holds only immutable configuration.
 */
public final class BulkService {
  private final Database database;
  private final BulkRunner runner;

  public BulkService(Database database, List<BulkTarget> targets) {
    this.database = database;
    this.runner = new BulkRunner(targets);
  }

  /** Runs {@code body}; returns the {@code BulkResponse}. */
  public ObjectNode run(
      Caller caller, String tenantId, @Nullable ObjectNode body, Locations locations)
      throws ScimException {
    database.inTransaction(session -> TenantAccess.resolve(session, caller, tenantId));
    return runner.run(caller, tenantId, BulkRequest.parse(body), locations);
  }
}
