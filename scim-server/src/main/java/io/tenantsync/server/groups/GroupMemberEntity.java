package io.tenantsync.server.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One membership: {@code memberId} (a user or a group of the same tenant, {@code memberType} says
 * which) belongs to group {@code groupId}. Mapped so that queries can name it; rows are written in
 * bulk by {@link GroupMemberships}, never one entity at a time.
 */
@Entity
@Table(name = "group_member")
@IdClass(GroupMemberEntity.Key.class)
public class GroupMemberEntity {
  @Id
  @Column(name = "group_id", nullable = false, updatable = false)
  private String groupId;

  @Id
  @Column(name = "member_id", nullable = false, updatable = false)
  private String memberId;

  @Column(name = "member_type", nullable = false, updatable = false)
  private String memberType;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private String tenantId;

  /** The owning side of {@link GroupEntity}'s query-only collection; read-only, never loaded. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "group_id", insertable = false, updatable = false)
  private GroupEntity group;

  protected GroupMemberEntity() {}

  public String groupId() {
    return groupId;
  }

  public String memberId() {
    return memberId;
  }

  public String memberType() {
    return memberType;
  }

  public String tenantId() {
    return tenantId;
  }

  /** The composite primary key (group, member). */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String groupId;
    private String memberId;

    public Key() {}

    public Key(String groupId, String memberId) {
      this.groupId = groupId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && groupId.equals(key.groupId)
          && memberId.equals(key.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(groupId, memberId);
    }
  }
}
