package io.tenantsync.server.relationships;

import io.tenantsync.server.auth.DelegatedRole;
import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A delegated-admin relationship between a reseller and a tenant (R29, R30). It gives access only
 * while {@link #status} is {@code active} and {@code expiresAt} has not passed; expiry is read off
 * the clock, so access ends at that very moment without any job running.
 */
@Entity
@Table(name = "delegated_admin_relationship")
public class RelationshipEntity extends Auditable {
  public static final String ACTIVE = "active";
  public static final String EXPIRED = "expired";
  public static final String TERMINATED = "terminated";

  @Id private String id;

  @Column(name = "reseller_id", nullable = false, updatable = false)
  private String resellerId;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "offer_id", updatable = false)
  private @Nullable String offerId;

  @Column(name = "role", nullable = false)
  private String role;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "expires_at")
  private @Nullable Long expiresAt;

  @Column(name = "ended_at")
  private @Nullable Long endedAt;

  /**
   * {@code resellerId:tenantId} while the row is active, null after: a unique index on it lets the
   * database refuse a second active relationship for the pair (migration V10).
   */
  @Column(name = "active_key")
  private @Nullable String activeKey;

  protected RelationshipEntity() {}

  public RelationshipEntity(
      String id,
      String resellerId,
      String tenantId,
      @Nullable String offerId,
      DelegatedRole role,
      @Nullable Instant expiresAt) {
    this.id = id;
    this.resellerId = resellerId;
    this.tenantId = tenantId;
    this.offerId = offerId;
    this.role = role.wireName();
    this.status = ACTIVE;
    this.expiresAt = expiresAt == null ? null : expiresAt.toEpochMilli();
    this.activeKey = activeKey(resellerId, tenantId);
  }

  /** The value of {@code active_key} for an active relationship between these two. */
  public static String activeKey(String resellerId, String tenantId) {
    return resellerId + ":" + tenantId;
  }

  public String id() {
    return id;
  }

  public String resellerId() {
    return resellerId;
  }

  public String tenantId() {
    return tenantId;
  }

  public @Nullable String offerId() {
    return offerId;
  }

  public DelegatedRole role() {
    return DelegatedRole.fromWireName(role);
  }

  /** The status as of now: an active relationship past its expiry reads {@code expired}. */
  public String status(long nowMillis) {
    if (ACTIVE.equals(status) && expiresAt != null && expiresAt <= nowMillis) {
      return EXPIRED;
    }
    return status;
  }

  public @Nullable Instant expiresAt() {
    return expiresAt == null ? null : Instant.ofEpochMilli(expiresAt);
  }

  public void terminate() {
    if (ACTIVE.equals(status)) {
      status = TERMINATED;
      endedAt = System.currentTimeMillis();
      activeKey = null;
    }
  }

  /**
   * Records an expiry that the clock already decided (status reads {@code expired} either way), so
   * that the pair's {@code active_key} is free for a new relationship.
   */
  public void recordExpiry(long nowMillis) {
    if (ACTIVE.equals(status) && expiresAt != null && expiresAt <= nowMillis) {
      status = EXPIRED;
      endedAt = expiresAt;
      activeKey = null;
    }
  }
}
