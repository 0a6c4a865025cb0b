package io.tenantsync.server.reconcile;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One reconciliation run of one tenant. Status: {@code pending} → {@code running} → {@code
 * completed} or {@code failed}. A run left {@code running} by a node that died is taken again once
 * it is {@link ReconcileWorker#STALE_AFTER} old.
 */
@Entity
@Table(name = "reconciliation")
public class ReconciliationEntity extends Auditable {
  public static final String PENDING = "pending";
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  /** Lists the whole directory, then starts a fresh delta position. */
  public static final String MODE_FULL = "full";

  /** Only what changed since the previous run; a full run when there is no position yet. */
  public static final String MODE_DELTA = "delta";

  public static final String TRIGGER_REQUEST = "request";
  public static final String TRIGGER_SCHEDULE = "schedule";

  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "status", nullable = false)
  private String status;

  /** The mode asked for; once running, the mode actually used. */
  @Column(name = "mode", nullable = false)
  private String mode;

  @Column(name = "trigger_kind", nullable = false, updatable = false)
  private String trigger;

  @Column(name = "scanned", nullable = false)
  private long scanned;

  @Column(name = "unmanaged", nullable = false)
  private long unmanaged;

  @Column(name = "drifted", nullable = false)
  private long drifted;

  @Column(name = "retained", nullable = false)
  private long retained;

  @Column(name = "missing", nullable = false)
  private long missing;

  @Column(name = "failed", nullable = false)
  private long failed;

  @Column(name = "error")
  private @Nullable String error;

  @Column(name = "started_at")
  private @Nullable Long startedAt;

  @Column(name = "finished_at")
  private @Nullable Long finishedAt;

  protected ReconciliationEntity() {}

  public ReconciliationEntity(String id, String tenantId, String mode, String trigger) {
    this.id = id;
    this.tenantId = tenantId;
    this.mode = mode;
    this.trigger = trigger;
    this.status = PENDING;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String status() {
    return status;
  }

  public String mode() {
    return mode;
  }

  public String trigger() {
    return trigger;
  }

  public @Nullable String error() {
    return error;
  }

  public @Nullable Long startedAt() {
    return startedAt;
  }

  public @Nullable Long finishedAt() {
    return finishedAt;
  }

  public RunCounts counts() {
    return new RunCounts(scanned, unmanaged, drifted, retained, missing, failed);
  }

  void started(String actualMode, long now) {
    status = RUNNING;
    mode = actualMode;
    startedAt = now;
    error = null;
  }

  void finished(RunCounts counts, @Nullable String error, long now) {
    status = error == null ? COMPLETED : FAILED;
    this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    scanned = counts.scanned();
    unmanaged = counts.unmanaged();
    drifted = counts.drifted();
    retained = counts.retained();
    missing = counts.missing();
    failed = counts.failed();
    finishedAt = now;
  }
}
