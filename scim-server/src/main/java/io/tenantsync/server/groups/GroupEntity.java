package io.tenantsync.server.groups;

import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM Group of one tenant: its own attributes only. Its members are rows of {@link
 * GroupMemberEntity}, read and written by {@link GroupMemberships} without ever being loaded as a
 * collection of this entity (the mapped collection exists for queries only); a change to them
 * {@link #touch() touches} the group so that its version (the ETag) moves on.
 */
@Entity
@Table(name = "scim_group")
public class GroupEntity extends Auditable {
  @Id private String id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "display_name_ci", nullable = false)
  private String displayNameCi;

  @Column(name = "external_id")
  private @Nullable String externalId;

  /**
   * The memberships, mapped (inverse, lazy) only so that a filter can name them, e.g. {@code
   * members[value eq "…"]} becomes {@code exists (select 1 from g.members …)}. Never loaded or
   * changed through this entity: {@link GroupMemberships} owns the rows.
   */
  @OneToMany(mappedBy = "group", fetch = FetchType.LAZY)
  private Set<GroupMemberEntity> members;

  protected GroupEntity() {}

  public GroupEntity(String id, String tenantId) {
    this.id = id;
    this.tenantId = tenantId;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String displayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
    this.displayNameCi = displayName.toLowerCase(Locale.ROOT);
  }

  public @Nullable String externalId() {
    return externalId;
  }

  public void setExternalId(@Nullable String externalId) {
    this.externalId = externalId;
  }
}
