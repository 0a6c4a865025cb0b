package io.tenantsync.server.reconcile;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.TenantResourceService;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.SearchQuery;
import io.tenantsync.server.protocol.query.ValueType;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Reconciliations} resource (API.md): POST asks for a run — queued at once and run by a
 * {@link ReconcileWorker} of any node, so the response says {@code pending}; GET shows its status,
 * counts and findings. Started by the operator, the tenant and Full administration; readable by
 * anyone who reaches the tenant. Runs are kept with their tenant.
 */
public final class ReconciliationService implements TenantResourceService<ReconciliationResource> {
  static final int FINDINGS_SHOWN = 100;
  private static final String ENDPOINT = "Reconciliations";

  /**
   * Filterable and sortable: id, status, mode and trigger (any case), the counts, startedAt,
   * finishedAt, meta dates. Listed newest first by default.
   */
  static final AttributeCatalog CATALOG = catalog();

  private final Database database;
  private final SearchQuery<ReconciliationEntity> search;

  public ReconciliationService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
                ReconciliationEntity.class,
                "Reconciliation",
                CATALOG,
                "r.tenantId = :tenant",
                cursors,
                cursorTimeoutMillis)
            .withDefaultOrder("meta.created", true);
  }

  private static AttributeCatalog catalog() {
    AttributeCatalog.Builder builder =
        AttributeCatalog.builder("r").coreSchema(ReconciliationResource.SCHEMA).auditable();
    for (String text : List.of("status", "mode")) {
      builder.attribute(text, AttributeColumn.caseIgnoreString(text).asSortable());
    }
    builder.attribute("trigger", AttributeColumn.caseIgnoreString("trigger").asSortable());
    for (String count :
        List.of("scanned", "unmanaged", "drifted", "retained", "missing", "failed")) {
      builder.attribute(count, AttributeColumn.of(count, ValueType.INTEGER).asSortable());
    }
    for (String time : List.of("startedAt", "finishedAt")) {
      builder.attribute(time, AttributeColumn.of(time, ValueType.DATETIME).asSortable());
    }
    return builder.build();
  }

  @Override
  public ReconciliationResource create(
      Caller caller, String tenantId, ReconciliationResource request, Locations locations)
      throws ScimException {
    String mode = mode(request.getMode());
    return database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId).requireFull("start reconciliations");
          ReconciliationEntity run =
              new ReconciliationEntity(
                  Ids.newId(), tenantId, mode, ReconciliationEntity.TRIGGER_REQUEST);
          session.persist(run);
          session.flush();
          return toResource(session, run, locations);
        });
  }

  @Override
  public ReconciliationResource get(Caller caller, String tenantId, String id, Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          ReconciliationEntity run = session.find(ReconciliationEntity.class, id);
          if (run == null || !run.tenantId().equals(tenantId)) {
            throw new ResourceNotFoundException("no Reconciliation " + id + " in this tenant");
          }
          return toResource(session, run, locations);
        });
  }

  /** Newest first unless sorted otherwise. */
  @Override
  public ListPage<ReconciliationResource> list(
      Caller caller, String tenantId, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<ReconciliationEntity>.Prepared query = search.prepare(request);
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          return query.run(session, tenantId).map(run -> toResource(session, run, locations));
        });
  }

  private static String mode(@Nullable String requested) throws BadRequestException {
    if (requested == null) {
      return ReconciliationEntity.MODE_DELTA;
    }
    String mode = requested.toLowerCase(Locale.ROOT);
    if (!mode.equals(ReconciliationEntity.MODE_FULL)
        && !mode.equals(ReconciliationEntity.MODE_DELTA)) {
      throw BadRequestException.invalidValue(
          "mode must be full (list the whole directory) or delta (changes since the last run),"
              + " not "
              + requested);
    }
    return mode;
  }

  private static ReconciliationResource toResource(
      Session session, ReconciliationEntity run, Locations locations) {
    ReconciliationResource resource = new ReconciliationResource();
    resource.setId(run.id());
    resource.setStatus(run.status());
    resource.setMode(run.mode());
    resource.setTrigger(run.trigger());
    RunCounts counts = run.counts();
    resource.setScanned(counts.scanned());
    resource.setUnmanaged(counts.unmanaged());
    resource.setDrifted(counts.drifted());
    resource.setRetained(counts.retained());
    resource.setMissing(counts.missing());
    resource.setFailed(counts.failed());
    resource.setError(run.error());
    resource.setStartedAt(run.startedAt() == null ? null : new Date(run.startedAt()));
    resource.setFinishedAt(run.finishedAt() == null ? null : new Date(run.finishedAt()));
    resource.setFindings(
        session
            .createSelectionQuery(
                "from ReconcileFindingEntity where reconciliationId = :id order by id",
                ReconcileFindingEntity.class)
            .setParameter("id", run.id())
            .setMaxResults(FINDINGS_SHOWN)
            .getResultList()
            .stream()
            .map(ReconciliationService::toFinding)
            .toList());
    resource.setMeta(
        Metas.of(
            run, "Reconciliation", locations.tenantResource(run.tenantId(), ENDPOINT, run.id())));
    return resource;
  }

  private static ReconciliationResource.Finding toFinding(ReconcileFindingEntity entity) {
    ReconciliationResource.Finding finding = new ReconciliationResource.Finding();
    finding.setKind(entity.kind());
    finding.setUserId(entity.userId());
    finding.setTenantObjectId(entity.tenantObjectId());
    finding.setDetail(entity.detail());
    finding.setRepaired(entity.repaired());
    return finding;
  }
}
