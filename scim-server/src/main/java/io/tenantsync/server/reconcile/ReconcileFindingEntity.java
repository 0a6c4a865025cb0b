package io.tenantsync.server.reconcile;

import io.tenantsync.server.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One thing a run recorded about one account: drift, a missing account, a conflict. */
@Entity
@Table(name = "reconcile_finding")
public class ReconcileFindingEntity {
  @Id private String id;

  @Column(name = "reconciliation_id", nullable = false, updatable = false)
  private String reconciliationId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "user_id", updatable = false)
  private @Nullable String userId;

  @Column(name = "tenant_object_id", updatable = false)
  private @Nullable String tenantObjectId;

  @Column(name = "kind", nullable = false, updatable = false)
  private String kind;

  @Column(name = "detail", nullable = false, updatable = false)
  private String detail;

  @Column(name = "repaired", nullable = false, updatable = false)
  private boolean repaired;

  @Column(name = "created_at", nullable = false, updatable = false)
  private long createdAt;

  protected ReconcileFindingEntity() {}

  ReconcileFindingEntity(
      String reconciliationId,
      String tenantId,
      @Nullable String userId,
      @Nullable String tenantObjectId,
      FindingKind kind,
      String detail,
      boolean repaired) {
    this.id = Ids.newId();
    this.reconciliationId = reconciliationId;
    this.tenantId = tenantId;
    this.userId = userId;
    this.tenantObjectId = tenantObjectId;
    this.kind = kind.wire();
    this.detail = detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    this.repaired = repaired;
    this.createdAt = System.currentTimeMillis();
  }

  public @Nullable String userId() {
    return userId;
  }

  public @Nullable String tenantObjectId() {
    return tenantObjectId;
  }

  public String kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }

  public boolean repaired() {
    return repaired;
  }
}
