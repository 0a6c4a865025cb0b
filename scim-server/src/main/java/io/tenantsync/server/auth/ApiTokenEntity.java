package io.tenantsync.server.auth;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One bearer token: whose it is and the hash of its secret (never the secret). */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity extends Auditable {
  @Id private String id;

  @Column(name = "subject_type", nullable = false)
  private String subjectType;

  @Column(name = "subject_id")
  private @Nullable String subjectId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(name = "token_prefix", nullable = false, updatable = false)
  private String tokenPrefix;

  @Column(name = "revoked_at")
  private @Nullable Long revokedAt;

  protected ApiTokenEntity() {}

  public ApiTokenEntity(
      String id,
      Caller.Kind subjectType,
      @Nullable String subjectId,
      String displayName,
      String tokenHash,
      String tokenPrefix) {
    this.id = id;
    this.subjectType = subjectType.wireName();
    this.subjectId = subjectId;
    this.displayName = displayName;
    this.tokenHash = tokenHash;
    this.tokenPrefix = tokenPrefix;
  }

  public String id() {
    return id;
  }

  public Caller.Kind subjectType() {
    return Caller.Kind.valueOf(subjectType.toUpperCase());
  }

  public @Nullable String subjectId() {
    return subjectId;
  }

  public String displayName() {
    return displayName;
  }

  public String tokenPrefix() {
    return tokenPrefix;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public @Nullable Instant revokedAt() {
    return revokedAt == null ? null : Instant.ofEpochMilli(revokedAt);
  }

  public void revoke() {
    if (revokedAt == null) {
      revokedAt = System.currentTimeMillis();
    }
  }

  public Caller toCaller() {
    return new Caller(subjectType(), subjectId, id);
  }
}
