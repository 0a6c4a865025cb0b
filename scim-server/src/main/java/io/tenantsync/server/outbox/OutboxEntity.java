package io.tenantsync.server.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One change the tenant directory must see (API.md rule 12), written in the same transaction as the
 * change itself. Rows of one user carry increasing {@code sequence} numbers and are applied in that
 * order. Status: {@code pending} → {@code done}, or {@code failed} after the last attempt.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private String userId;

  @Column(name = "sequence", nullable = false, updatable = false)
  private long sequence;

  @Column(name = "kind", nullable = false, updatable = false)
  private String kind;

  /**
   * JSON; a password inside is sealed (never plain text at rest) and removed once the row is done
   * or failed.
   */
  @Column(name = "payload", nullable = false)
  private String payload;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private long nextAttemptAt;

  @Column(name = "last_error")
  private @Nullable String lastError;

  @Column(name = "correlation_id", nullable = false, updatable = false)
  private String correlationId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private long createdAt;

  @Column(name = "updated_at", nullable = false)
  private long updatedAt;

  protected OutboxEntity() {}

  OutboxEntity(
      String id,
      String tenantId,
      String userId,
      long sequence,
      String kind,
      String payload,
      String correlationId) {
    long now = System.currentTimeMillis();
    this.id = id;
    this.tenantId = tenantId;
    this.userId = userId;
    this.sequence = sequence;
    this.kind = kind;
    this.payload = payload;
    this.status = PENDING;
    this.nextAttemptAt = now;
    this.correlationId = correlationId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String userId() {
    return userId;
  }

  public long sequence() {
    return sequence;
  }

  public String kind() {
    return kind;
  }

  public String payload() {
    return payload;
  }

  public String status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public long createdAt() {
    return createdAt;
  }

  public @Nullable String lastError() {
    return lastError;
  }

  public String correlationId() {
    return correlationId;
  }

  /** Replaces the payload by one carrying no secret; see {@link Outbox#forgetSecrets}. */
  void replacePayload(String payload) {
    this.payload = payload;
  }

  public void succeeded() {
    status = DONE;
    attempts++;
    lastError = null;
    updatedAt = System.currentTimeMillis();
  }

  /** Another try at {@code nextAttemptAt}, or {@code failed} for good. */
  public void attemptFailed(String error, long nextAttemptAt, boolean finalAttempt) {
    attempts++;
    lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
    this.nextAttemptAt = nextAttemptAt;
    status = finalAttempt ? FAILED : PENDING;
    updatedAt = System.currentTimeMillis();
  }
}
