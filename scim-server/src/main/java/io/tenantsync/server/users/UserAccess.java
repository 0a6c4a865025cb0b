package io.tenantsync.server.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * What a user holds beyond its own row: licenses (entitlements) and admin roles. Loaded for many
 * users with one query (licenses, roles and groups in a UNION ALL), so listing a page costs one
 * round trip whatever its size.
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

  /**
   * Licenses, roles and groups of {@code userIds} in one statement; {@code %s} stands for the list
   * of ids (three times, one per branch of the UNION ALL).
   */
  private static final String SELECT =
      "select 'L', l.user_id, p.id, p.sku_id, p.sku_part_number, p.display_name,"
          + " l.suspended, p.sku_part_number_ci from user_license l"
          + " join product p on p.id = l.product_id where l.user_id in (%1$s)"
          + " union all select 'R', r.user_id, r.role, null, null, null, null, r.role"
          + " from user_role r where r.user_id in (%1$s)"
          + " union all select 'G', m.member_id, g.id, g.display_name, null, null, null,"
          + " g.display_name_ci from group_member m"
          + " join scim_group g on g.id = m.group_id where m.member_id in (%1$s)"
          + " order by 1, 8";

  /** {@link #SELECT} for one user, on a plain connection: its three branches bind the id. */
  private static final String SELECT_ONE = SELECT.formatted("?");

  /** The columns of a row: the kind, the user's id, five of the held thing's, its sort key. */
  private static final int COLUMNS = 8;

  /** Within a Hibernate session: its pending changes are flushed first, as for any query. */
  public static Map<String, UserAccess> load(Session session, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return new HashMap<>();
    }
    return collect(
        session
            .createNativeQuery(SELECT.formatted(":ids"), Object[].class)
            .setParameter("ids", userIds)
            .getResultList());
  }

  /** One user's access on a plain connection, for reads made without Hibernate. */
  static UserAccess load(Connection connection, String userId) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_ONE)) {
      for (int index = 1; index <= 3; index++) {
        select.setString(index, userId);
      }
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          Object[] row = new Object[COLUMNS];
          for (int column = 0; column < COLUMNS; column++) {
            row[column] = result.getObject(column + 1);
          }
          rows.add(row);
        }
      }
    }
    return collect(rows).getOrDefault(userId, NONE);
  }

  private static Map<String, UserAccess> collect(List<Object[]> rows) {
    Map<String, UserAccess> result = new HashMap<>();
    for (Object[] row : rows) {
      UserAccess access = access(result, (String) row[1]);
      switch (String.valueOf(row[0])) { // a CHAR(1): Character on some databases
        case "L" ->
            access
                .licenses()
                .add(
                    new License(
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        truthy(row[6])));
        case "R" -> access.roles().add((String) row[2]);
        default -> access.groups().add(new GroupRef((String) row[2], (String) row[3]));
      }
    }
    return result;
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }

  private static UserAccess access(Map<String, UserAccess> result, String userId) {
    return result.computeIfAbsent(
        userId, id -> new UserAccess(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
  }
}
