package io.tenantsync.server.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * What a user holds beyond its own row: licenses (entitlements) and admin roles. Loaded for many
 * users with two queries, so listing a page costs the same whatever its size.
 */
public record UserAccess(List<License> licenses, List<String> roles, List<GroupRef> groups) {
  public static final UserAccess NONE = new UserAccess(List.of(), List.of(), List.of());

  /** A group the user is a direct member of (the read-only {@code groups}, RFC 7643 §4.1.2). */
  public record GroupRef(String id, String displayName) {}

  /** One held license; suspended = released by deactivation, restored on reactivation. */
  public record License(
      String productId,
      String skuId,
      String skuPartNumber,
      @Nullable String display,
      boolean suspended) {}

  public boolean isAdmin() {
    return !roles.isEmpty();
  }

  public static UserAccess load(Session session, String userId) {
    return load(session, List.of(userId)).getOrDefault(userId, NONE);
  }

  public static Map<String, UserAccess> load(Session session, Collection<String> userIds) {
    Map<String, UserAccess> result = new HashMap<>();
    if (userIds.isEmpty()) {
      return result;
    }
    List<Object[]> licenses =
        session
            .createSelectionQuery(
                "select l.userId, p.id, p.skuId, p.skuPartNumber, p.displayName, l.suspended"
                    + " from UserLicenseEntity l join ProductEntity p on p.id = l.productId"
                    + " where l.userId in :ids order by p.skuPartNumberCi",
                Object[].class)
            .setParameter("ids", userIds)
            .getResultList();
    for (Object[] row : licenses) {
      access(result, (String) row[0])
          .licenses()
          .add(
              new License(
                  (String) row[1],
                  (String) row[2],
                  (String) row[3],
                  (String) row[4],
                  (Boolean) row[5]));
    }
    List<Object[]> roles =
        session
            .createNativeQuery(
                "select user_id, role from user_role where user_id in (:ids) order by role",
                Object[].class)
            .setParameter("ids", userIds)
            .getResultList();
    for (Object[] row : roles) {
      access(result, (String) row[0]).roles().add((String) row[1]);
    }
    List<Object[]> groups =
        session
            .createNativeQuery(
                "select m.member_id, g.id, g.display_name from group_member m"
                    + " join scim_group g on g.id = m.group_id"
                    + " where m.member_id in (:ids) order by g.display_name_ci",
                Object[].class)
            .setParameter("ids", userIds)
            .getResultList();
    for (Object[] row : groups) {
      access(result, (String) row[0]).groups().add(new GroupRef((String) row[1], (String) row[2]));
    }
    return result;
  }

  private static UserAccess access(Map<String, UserAccess> result, String userId) {
    return result.computeIfAbsent(
        userId, id -> new UserAccess(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
  }
}
