package io.tenantsync.server.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * What a user holds beyond its own row: licenses (entitlements), admin roles and groups. Loaded for
 * many users with one query (licenses, roles and groups in a UNION ALL), so listing a page costs
 * one round trip whatever its size; or, for one user, as further columns of the statement that
 * reads the user ({@link #COLUMNS}, {@link #JOIN}). Either way the lists come sorted alike:
 * licenses by SKU part number, roles by name, groups by display name (case-insensitively).
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
   * of ids (three times, one per branch of the UNION ALL). A row: the kind ({@code L}, {@code R} or
   * {@code G}), the user's id, the held thing's id, three more of its attributes, whether a license
   * is suspended, and the key its list is sorted by.
   */
  private static final String SELECT =
      "select 'L', l.user_id, p.id, p.sku_id, p.sku_part_number, p.display_name,"
          + " l.suspended, p.sku_part_number_ci from user_license l"
          + " join product p on p.id = l.product_id where l.user_id in (%1$s)"
          + " union all select 'R', r.user_id, r.role, null, null, null, null, r.role"
          + " from user_role r where r.user_id in (%1$s)"
          + " union all select 'G', m.member_id, g.id, g.display_name, null, null, null,"
          + " g.display_name_ci from group_member m"
          + " join scim_group g on g.id = m.group_id where m.member_id in (%1$s)";

  /**
   * The access columns of a statement that reads one user aliased {@code u} and adds {@link #JOIN}:
   * {@link #SELECT}'s row but the user's id, which the statement has already; a kind the user holds
   * none of comes as one row with a null id.
   */
  public static final String COLUMNS =
      "k.kind, coalesce(p.id, ur.role, g.id), coalesce(p.sku_id, g.display_name),"
          + " p.sku_part_number, p.display_name, l.suspended,"
          + " coalesce(p.sku_part_number_ci, ur.role, g.display_name_ci)";

  /** How many columns {@link #COLUMNS} has. */
  public static final int COLUMN_COUNT = 7;

  /**
   * Joins for {@link #COLUMNS} to a statement that reads the user aliased {@code u}: each of the
   * three rows of {@code user_access_kind} is left-joined to the user's rows of its kind, so the
   * statement yields one row per held thing, or one empty row per kind the user holds none of. The
   * key is null for the other kinds' tables, so the database does not even look them up.
   */
  public static final String JOIN =
      " left join user_access_kind k on u.id is not null"
          + " left join user_license l on l.user_id = case when k.kind = 'L' then u.id end"
          + " left join product p on p.id = l.product_id"
          + " left join user_role ur on ur.user_id = case when k.kind = 'R' then u.id end"
          + " left join group_member m on m.member_id = case when k.kind = 'G' then u.id end"
          + " left join scim_group g on g.id = m.group_id";

  /** Within a Hibernate session: its pending changes are flushed first, as for any query. */
  public static Map<String, UserAccess> load(Session session, Collection<String> userIds) {
    Map<String, Builder> builders = new HashMap<>();
    if (!userIds.isEmpty()) {
      for (Object[] row :
          session
              .createNativeQuery(SELECT.formatted(":ids"), Object[].class)
              .setParameter("ids", userIds)
              .getResultList()) {
        builders
            .computeIfAbsent((String) row[1], id -> new Builder())
            .add(row[0], row[2], row[3], row[4], row[5], row[6], row[7]);
      }
    }
    Map<String, UserAccess> result = new HashMap<>();
    builders.forEach((userId, builder) -> result.put(userId, builder.build()));
    return result;
  }

  /**
   * Folds the rows of one user's {@link #COLUMNS} as a statement yields them, repeated or not (a
   * row repeats when the statement joins other one-to-many rows too), into the user's access, its
   * lists sorted as every read returns them. Not thread-safe.
   */
  public static final class Builder {
    private final SortedMap<String, License> licenses = new TreeMap<>();
    private final SortedMap<String, String> roles = new TreeMap<>();
    private final SortedMap<String, GroupRef> groups = new TreeMap<>();

    /** One row's {@link #COLUMNS}, from column {@code first} on. */
    public void accept(ResultSet row, int first) throws SQLException {
      add(
          row.getString(first),
          row.getString(first + 1),
          row.getString(first + 2),
          row.getString(first + 3),
          row.getString(first + 4),
          row.getObject(first + 5),
          row.getString(first + 6));
    }

    private void add(
        Object kind,
        @Nullable Object id,
        @Nullable Object second,
        @Nullable Object skuPartNumber,
        @Nullable Object display,
        @Nullable Object suspended,
        @Nullable Object key) {
      if (id == null) {
        return; // the empty row of a kind the user holds none of
      }
      String order = key + "\0" + id; // by key, then by id: the same order on every read
      switch (String.valueOf(kind)) { // a CHAR(1): Character on some databases
        case "L" ->
            licenses.putIfAbsent(
                order,
                new License(
                    (String) id,
                    (String) second,
                    (String) skuPartNumber,
                    (String) display,
                    truthy(suspended)));
        case "R" -> roles.putIfAbsent(order, (String) id);
        default -> groups.putIfAbsent(order, new GroupRef((String) id, (String) second));
      }
    }

    public UserAccess build() {
      if (licenses.isEmpty() && roles.isEmpty() && groups.isEmpty()) {
        return NONE;
      }
      return new UserAccess(
          new ArrayList<>(licenses.values()),
          new ArrayList<>(roles.values()),
          new ArrayList<>(groups.values()));
    }
  }

  private static boolean truthy(@Nullable Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }
}
