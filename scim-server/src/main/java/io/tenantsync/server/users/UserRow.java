package io.tenantsync.server.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A {@code scim_user} row read over plain JDBC: what {@link UserMapper} renders, nothing more. */
record UserRow(
    String id,
    String tenantId,
    String userName,
    String initialUserName,
    boolean active,
    boolean managed,
    String source,
    @Nullable String tenantObjectId,
    @Nullable String usageLocation,
    @Nullable String alternateEmail,
    String syncState,
    @Nullable String syncError,
    String attributes,
    Instant created,
    Instant lastModified,
    long version,
    boolean retained,
    @Nullable Long deletedAt)
    implements StoredUser {

  /** Whether the tenant's SCIM clients see this user: its own, not retained, not deleted. */
  boolean visibleIn(String tenantId) {
    return this.tenantId.equals(tenantId) && !retained && deletedAt == null;
  }

  private static final List<String> COLUMNS =
      List.of(
          "id",
          "tenant_id",
          "user_name",
          "initial_user_name",
          "active",
          "managed",
          "source",
          "tenant_object_id",
          "usage_location",
          "alternate_email",
          "sync_state",
          "sync_error",
          "attributes",
          "created_at",
          "last_modified",
          "version",
          "retained",
          "deleted_at");

  /** How many columns {@link #read} reads. */
  static final int COLUMN_COUNT = COLUMNS.size();

  /**
   * The columns {@link #read} expects, in its order, of {@code scim_user} aliased {@code alias}.
   */
  static String columns(String alias) {
    return String.join(", ", COLUMNS.stream().map(column -> alias + "." + column).toList());
  }

  /** The row from column {@code first} on; null when a left join found no user there. */
  static @Nullable UserRow read(ResultSet row, int first) throws SQLException {
    String id = row.getString(first);
    if (id == null) {
      return null;
    }
    return new UserRow(
        id,
        row.getString(first + 1),
        row.getString(first + 2),
        row.getString(first + 3),
        row.getBoolean(first + 4),
        row.getBoolean(first + 5),
        row.getString(first + 6),
        row.getString(first + 7),
        row.getString(first + 8),
        row.getString(first + 9),
        row.getString(first + 10),
        row.getString(first + 11),
        row.getString(first + 12),
        Instant.ofEpochMilli(row.getLong(first + 13)),
        Instant.ofEpochMilli(row.getLong(first + 14)),
        row.getLong(first + 15),
        row.getBoolean(first + 16),
        row.getObject(first + 17) == null ? null : row.getLong(first + 17));
  }
}
