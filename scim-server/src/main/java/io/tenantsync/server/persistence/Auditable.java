package io.tenantsync.server.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every SCIM resource row carries: creation and modification instants (epoch millis) and an
 * optimistic-locking version, which is also the resource's {@code meta.version} (ETag).
 */
@MappedSuperclass
public abstract class Auditable {

  @Column(name = "created_at", nullable = false, updatable = false)
  private long createdAt;

  @Column(name = "last_modified", nullable = false)
  private long lastModified;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @PrePersist
  void onCreate() {
    long now = System.currentTimeMillis();
    createdAt = now;
    lastModified = now;
  }

  @PreUpdate
  void onUpdate() {
    lastModified = Math.max(System.currentTimeMillis(), lastModified + 1);
  }

  /** Marks the row changed even when only child rows changed, so its version moves on. */
  public void touch() {
    lastModified = Math.max(System.currentTimeMillis(), lastModified + 1);
  }

  public Instant created() {
    return Instant.ofEpochMilli(createdAt);
  }

  public Instant lastModified() {
    return Instant.ofEpochMilli(lastModified);
  }

  public long version() {
    return version;
  }
}
