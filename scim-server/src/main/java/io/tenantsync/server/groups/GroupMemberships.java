package io.tenantsync.server.groups;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The memberships of groups (table {@code group_member}), read and written with set-based
 * statements in the caller's transaction: the cost of a change depends on the members it names,
 * never on the size of the group. Callers lock the group's row first, so concurrent changes of one
 * group's members are serialised by the database.
 *
 * <p>Members are users or groups of the group's tenant. Retained users (deleted over SCIM) are not
 * members: {@link #removeMember} drops them, and reads skip any that are left.
 */
public final class GroupMemberships {
  /**
   * Most members one response carries. A group may have more; a response that would carry more is
   * refused or left without members (see {@link GroupService}), never cut short.
   */
  static final int MAX_RETURNED = 10_000;

  private static final int CHUNK = 500;
  private static final String INSERT =
      "INSERT INTO group_member (group_id, member_id, member_type, tenant_id) VALUES (?, ?, ?, ?)";

  private GroupMemberships() {}

  /**
   * Removes {@code memberId} (a user or group of {@code tenantId}) from every group it belongs to,
   * and moves those groups' versions on. For the user service when a user is deleted over SCIM, and
   * for group deletion. Runs in the caller's transaction.
   */
  public static void removeMember(Session session, String tenantId, String memberId) {
    long now = System.currentTimeMillis();
    session
        .createMutationQuery(
            "update GroupEntity g set g.version = g.version + 1,"
                + " g.lastModified = case when g.lastModified < :now then :now"
                + " else g.lastModified + 1 end"
                + " where g.tenantId = :tenant and g.id in (select m.groupId"
                + " from GroupMemberEntity m where m.tenantId = :tenant and m.memberId = :member)")
        .setParameter("now", now)
        .setParameter("tenant", tenantId)
        .setParameter("member", memberId)
        .executeUpdate();
    session
        .createMutationQuery(
            "delete from GroupMemberEntity m where m.tenantId = :tenant and m.memberId = :member")
        .setParameter("tenant", tenantId)
        .setParameter("member", memberId)
        .executeUpdate();
  }

  /** A group a user or group belongs to, as the member's {@code groups} attribute shows it. */
  public record GroupRef(String id, String displayName) {}

  /**
   * The groups {@code memberId} belongs to directly, by id: for the read-only {@code groups}
   * attribute of a User (RFC 7643 §4.1.2, {@code "type":"direct"}). Runs in the caller's
   * transaction; one indexed query on {@code (tenant_id, member_id)}.
   */
  public static List<GroupRef> groupsOf(Session session, String tenantId, String memberId) {
    return session
        .createSelectionQuery(
            "select g.id, g.displayName from GroupMemberEntity m join GroupEntity g"
                + " on g.id = m.groupId where m.tenantId = :tenant and m.memberId = :member"
                + " order by g.id",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setParameter("member", memberId)
        .getResultList()
        .stream()
        .map(row -> new GroupRef((String) row[0], (String) row[1]))
        .toList();
  }

  /** Applies one change to the members of {@code group}, whose row the caller has locked. */
  static void apply(Session session, GroupEntity group, GroupPatch.MemberChange change)
      throws BadRequestException {
    if (change instanceof GroupPatch.Add add) {
      add(session, group, add.members());
    } else if (change instanceof GroupPatch.Remove remove) {
      remove(session, group, remove.ids());
    } else if (change instanceof GroupPatch.RemoveAll) {
      removeAll(session, group);
    } else if (change instanceof GroupPatch.Replace replace) {
      replace(session, group, replace.members());
    }
  }

  /** Makes {@code members} the whole membership of {@code group}. */
  static void replace(Session session, GroupEntity group, List<MemberRef> members)
      throws BadRequestException {
    List<MemberRef> resolved = resolve(session, group, members);
    removeAll(session, group);
    insert(session, group, resolved);
  }

  /** Adds the members that are not there yet; 400 {@code invalidValue} naming an unknown one. */
  static void add(Session session, GroupEntity group, List<MemberRef> members)
      throws BadRequestException {
    List<MemberRef> resolved = resolve(session, group, members);
    Set<String> present = new HashSet<>();
    for (List<MemberRef> chunk : chunks(resolved)) {
      present.addAll(
          session
              .createSelectionQuery(
                  "select m.memberId from GroupMemberEntity m"
                      + " where m.groupId = :group and m.memberId in :ids",
                  String.class)
              .setParameter("group", group.id())
              .setParameterList("ids", chunk.stream().map(MemberRef::value).toList())
              .getResultList());
    }
    insert(session, group, resolved.stream().filter(m -> !present.contains(m.value())).toList());
  }

  /** Removes members by id; ids that are not members are ignored. */
  static void remove(Session session, GroupEntity group, List<String> ids) {
    for (List<String> chunk : chunks(ids)) {
      session
          .createMutationQuery(
              "delete from GroupMemberEntity m where m.groupId = :group and m.memberId in :ids")
          .setParameter("group", group.id())
          .setParameterList("ids", chunk)
          .executeUpdate();
    }
  }

  static void removeAll(Session session, GroupEntity group) {
    session
        .createMutationQuery("delete from GroupMemberEntity m where m.groupId = :group")
        .setParameter("group", group.id())
        .executeUpdate();
  }

  /**
   * Whether the groups have more than {@code limit} membership rows together. Reads at most {@code
   * limit + 1} entries of the primary-key index, however big the groups are.
   */
  static boolean moreThan(Session session, List<String> groupIds, int limit) {
    if (groupIds.isEmpty()) {
      return false;
    }
    return !session
        .createSelectionQuery(
            "select m.memberId from GroupMemberEntity m where m.groupId in :groups", String.class)
        .setParameterList("groups", groupIds)
        .setFirstResult(limit)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The members of each group, in id order; callers bound the total with {@link #moreThan}. */
  static Map<String, List<Member>> members(Session session, List<String> groupIds) {
    Map<String, List<Member>> result = new HashMap<>();
    if (groupIds.isEmpty()) {
      return result;
    }
    List<Object[]> rows =
        session
            .createSelectionQuery(
                "select m.groupId, m.memberId, m.memberType, u.displayName, u.userName,"
                    + " g.displayName from GroupMemberEntity m"
                    + " left join UserEntity u on u.id = m.memberId"
                    + " left join GroupEntity g on g.id = m.memberId"
                    + " where m.groupId in :groups and (u.retained = false or g.id is not null)"
                    + " order by m.groupId, m.memberId",
                Object[].class)
            .setParameterList("groups", groupIds)
            .getResultList();
    for (Object[] row : rows) {
      String type = (String) row[2];
      Object display = Member.USER.equals(type) ? (row[3] != null ? row[3] : row[4]) : row[5];
      result
          .computeIfAbsent((String) row[0], id -> new ArrayList<>())
          .add(new Member((String) row[1], type, (String) display));
    }
    return result;
  }

  /**
   * The members with their real types: each must be a visible user or a group of the tenant, of the
   * type the client named if it named one, and not the group itself; else 400 {@code invalidValue}
   * naming the first that is not.
   */
  private static List<MemberRef> resolve(
      Session session, GroupEntity group, List<MemberRef> members) throws BadRequestException {
    Map<String, String> types = new HashMap<>();
    for (List<MemberRef> chunk : chunks(members)) {
      List<String> ids = chunk.stream().map(MemberRef::value).toList();
      session
          .createSelectionQuery(
              "select u.id from UserEntity u"
                  + " where u.tenantId = :tenant and u.retained = false and u.id in :ids",
              String.class)
          .setParameter("tenant", group.tenantId())
          .setParameterList("ids", ids)
          .getResultList()
          .forEach(id -> types.put(id, Member.USER));
      session
          .createSelectionQuery(
              "select g.id from GroupEntity g where g.tenantId = :tenant and g.id in :ids",
              String.class)
          .setParameter("tenant", group.tenantId())
          .setParameterList("ids", ids)
          .getResultList()
          .forEach(id -> types.put(id, Member.GROUP));
    }
    Map<String, MemberRef> resolved = new LinkedHashMap<>();
    for (MemberRef member : members) {
      String type = types.get(member.value());
      if (member.value().equals(group.id())) {
        throw BadRequestException.invalidValue("a group cannot be a member of itself");
      }
      if (type == null) {
        throw BadRequestException.invalidValue(
            "member " + member.value() + " is no user or group of this tenant");
      }
      if (member.type() != null && !member.type().equals(type)) {
        throw BadRequestException.invalidValue(
            "member " + member.value() + " is a " + type + ", not a " + member.type());
      }
      resolved.putIfAbsent(member.value(), new MemberRef(member.value(), type));
    }
    return new ArrayList<>(resolved.values());
  }

  /** Inserts new memberships in JDBC batches (one multi-row INSERT each on MySQL). */
  private static void insert(Session session, GroupEntity group, List<MemberRef> members) {
    if (members.isEmpty()) {
      return;
    }
    session.flush();
    session.doWork(
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (MemberRef member : members) {
              insert.setString(1, group.id());
              insert.setString(2, member.value());
              insert.setString(3, member.type());
              insert.setString(4, group.tenantId());
              insert.addBatch();
              if (++pending == CHUNK) {
                insert.executeBatch();
                pending = 0;
              }
            }
            if (pending > 0) {
              insert.executeBatch();
            }
          }
        });
  }

  private static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += CHUNK) {
      chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
    }
    return chunks;
  }
}
