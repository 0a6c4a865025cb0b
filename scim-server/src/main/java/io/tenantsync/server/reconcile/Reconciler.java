package io.tenantsync.server.reconcile;

import io.tenantsync.connector.DeltaExpiredException;
import io.tenantsync.connector.DeltaResult;
import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.TenantDirectory;
import io.tenantsync.connector.reconcile.DeltaReconciler;
import io.tenantsync.connector.reconcile.ReconcileCounts;
import io.tenantsync.connector.reconcile.ReconcileDiff;
import io.tenantsync.connector.reconcile.ReconcileFinding;
import io.tenantsync.server.directory.TenantDirectories;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.products.SubscribedSkuProducts;
import io.tenantsync.server.tenants.DirectorySettings;
import io.tenantsync.server.tenants.TenantEntity;
import io.tenantsync.server.tenants.TenantSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one reconciliation of one tenant (DESIGN.md, reconciliation): Graph-mode products first,
 * then the accounts — a full listing when there is no delta position yet, when one is asked for,
 * when the directory expired the position (410), or when the position belongs to another directory
 * (the tenant moved between the sandbox and Graph, or the link points elsewhere than the
 * directory's base URL); otherwise only the changes since the previous run. A full listing also
 * finds the accounts that left the tenant: managed ones become {@code Missing}, and unmanaged Users
 * whose account was not listed leave with it. The listing is streamed and acted on in batches
 * ({@link FindingBatch}); the new delta position is stored only when the run got through, so a
 * failed run is repeated from the old one. Thread-safe; runs share nothing.
 */
final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final Database database;
  private final TenantDirectories directories;

  Reconciler(Database database, TenantDirectories directories) {
    this.database = database;
    this.directories = directories;
  }

  /** What a run did: the mode it used and its counts. */
  record Outcome(String mode, RunCounts counts) {}

  Outcome run(String reconciliationId, String tenantId, String requestedMode) {
    TenantEntity tenant =
        database.inPlainTransaction(session -> session.find(TenantEntity.class, tenantId));
    if (tenant == null) {
      throw new IllegalStateException("tenant " + tenantId + " no longer exists");
    }
    TenantDirectory directory = directories.forTenant(tenantId);
    if (DirectorySettings.GRAPH.equals(tenant.directoryType())) {
      mirrorProducts(reconciliationId, tenantId, directory);
    }
    boolean repair = TenantSettings.DRIFT_REPAIR.equals(tenant.settings().driftMode());
    Map<UUID, String> productBySku = database.inPlainTransaction(s -> productsBySku(s, tenantId));
    KnownAccounts known = database.inPlainTransaction(s -> KnownAccounts.load(s, tenantId));
    String identity =
        DirectorySettings.fromStored(tenant.directoryType(), tenant.directoryConfig()).identity();
    @Nullable String deltaLink =
        ReconciliationEntity.MODE_FULL.equals(requestedMode)
            ? null
            : usableDeltaLink(reconciliationId, tenantId, identity, directories.baseUri(tenant));
    FindingBatch batch =
        new FindingBatch(database, tenantId, reconciliationId, repair, known, productBySku);
    if (deltaLink != null) {
      try {
        DeltaReconciler changes = new DeltaReconciler(known::expected, batch::accept);
        DeltaResult result = directory.delta(deltaLink, changes::apply);
        batch.flush();
        storeDeltaLink(tenantId, result.deltaLink(), identity, false);
        return outcome(ReconciliationEntity.MODE_DELTA, changes.counts(), batch);
      } catch (DeltaExpiredException e) {
        log.info("reconciliation {}: delta position expired; listing in full", reconciliationId);
        batch.flush();
      }
    }
    ReconcileDiff diff = new ReconcileDiff(known.expected(), batch::accept);
    DeltaResult result =
        directory.delta(
            null,
            change -> {
              if (change instanceof DirectoryChange.Upserted upserted) {
                diff.accept(upserted.user());
              }
            });
    ReconcileCounts counts = diff.finish();
    for (String objectId : database.inPlainTransaction(s -> unmanagedObjectIds(s, tenantId))) {
      if (!diff.listed(objectId)) {
        batch.accept(new ReconcileFinding.UnmanagedRemoved(objectId, false));
      }
    }
    batch.flush();
    storeDeltaLink(tenantId, result.deltaLink(), identity, true);
    return outcome(ReconciliationEntity.MODE_FULL, counts, batch);
  }

  /** The object ids of the tenant's unmanaged Users. */
  private static List<String> unmanagedObjectIds(Session session, String tenantId) {
    return session
        .createNativeQuery(
            "select tenant_object_id from scim_user where tenant_id = :tenant"
                + " and managed = false and tenant_object_id is not null",
            String.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  private static Outcome outcome(String mode, ReconcileCounts counts, FindingBatch batch) {
    return new Outcome(mode, batch.counts(counts.scanned(), counts.retained()));
  }

  private void mirrorProducts(String reconciliationId, String tenantId, TenantDirectory directory) {
    var skus = directory.subscribedSkus();
    database.inPlainTransaction(
        session -> {
          for (String problem : SubscribedSkuProducts.mirror(session, tenantId, skus)) {
            session.persist(
                new ReconcileFindingEntity(
                    reconciliationId, tenantId, null, null, FindingKind.PRODUCT, problem, false));
          }
          return null;
        });
  }

  private static Map<UUID, String> productsBySku(Session session, String tenantId) {
    Map<UUID, String> bySku = new HashMap<>();
    List<Object[]> rows =
        session
            .createNativeQuery(
                "select sku_id, id from product where tenant_id = :tenant", Object[].class)
            .setParameter("tenant", tenantId)
            .getResultList();
    for (Object[] row : rows) {
      bySku.put(UUID.fromString((String) row[0]), (String) row[1]);
    }
    return bySku;
  }

  /**
   * The stored delta position, if it was taken from this same directory and points at its base URL;
   * null (and a full listing) otherwise.
   */
  private @Nullable String usableDeltaLink(
      String reconciliationId, String tenantId, String identity, URI baseUri) {
    String[] stored = // link and directory; the link is a CLOB, read as text by Hibernate
        database.inPlainTransaction(
            session -> {
              String link = column(session, "delta_link", tenantId);
              return link == null
                  ? null
                  : new String[] {link, column(session, "delta_directory", tenantId)};
            });
    if (stored == null) {
      return null;
    }
    String link = stored[0];
    if (!identity.equals(stored[1])) {
      log.info(
          "reconciliation {}: the tenant's directory changed since the last run; listing in full",
          reconciliationId);
      return null;
    }
    if (sameOrigin(link, baseUri)) {
      return link;
    }
    if (DirectorySettings.SANDBOX.equals(identity) && samePath(link, baseUri)) {
      return rebased(link, baseUri); // every node serves the same sandbox, at its own address
    }
    log.info(
        "reconciliation {}: the stored delta link is not under {}; listing in full",
        reconciliationId,
        baseUri);
    return null;
  }

  private static @Nullable String column(Session session, String column, String tenantId) {
    return session
        .createNativeQuery(
            "select " + column + " from tenant_sync where tenant_id = :tenant", String.class)
        .setParameter("tenant", tenantId)
        .uniqueResult();
  }

  /** Whether {@code link} is on {@code base}'s scheme, host and port, under its path. */
  static boolean sameOrigin(String link, URI base) {
    URI uri;
    try {
      uri = URI.create(link);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String basePath = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
    return base.getScheme() != null
        && base.getScheme().equalsIgnoreCase(uri.getScheme())
        && base.getHost() != null
        && base.getHost().equalsIgnoreCase(uri.getHost())
        && port(base) == port(uri)
        && uri.getPath() != null
        && uri.getPath().startsWith(basePath);
  }

  /** Whether {@code link}'s path lies under {@code base}'s, whatever its origin. */
  static boolean samePath(String link, URI base) {
    try {
      URI uri = URI.create(link);
      String basePath = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
      return uri.getPath() != null && uri.getPath().startsWith(basePath);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code link} on {@code base}'s scheme, host and port (path and query kept). */
  static String rebased(String link, URI base) {
    URI uri = URI.create(link);
    String rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String port = base.getPort() == -1 ? "" : ":" + base.getPort();
    return base.getScheme() + "://" + base.getHost() + port + rest;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private void storeDeltaLink(String tenantId, String deltaLink, String identity, boolean full) {
    database.inPlainTransaction(
        session -> {
          TenantSyncRows.ensure(session, tenantId);
          session
              .createNativeMutationQuery(
                  full
                      ? "update tenant_sync set delta_link = :link, delta_directory = :identity,"
                          + " last_full_sync_at = :now where tenant_id = :tenant"
                      : "update tenant_sync set delta_link = :link, delta_directory = :identity,"
                          + " last_full_sync_at = coalesce(last_full_sync_at, :now)"
                          + " where tenant_id = :tenant")
              .setParameter("link", deltaLink)
              .setParameter("identity", identity)
              .setParameter("now", System.currentTimeMillis())
              .setParameter("tenant", tenantId)
              .executeUpdate();
          return null;
        });
  }
}
