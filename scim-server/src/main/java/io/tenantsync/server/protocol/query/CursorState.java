package io.tenantsync.server.protocol.query;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The position a cursor (RFC 9865) stands for: the sort value and id of the last row a page
 * returned, the tenant and query it belongs to, and when it stops being accepted. {@code forward}
 * false marks a {@code previousCursor}: the page is the one before this position. {@code
 * totalResults} is the count of matching resources taken when the iteration's first page was
 * served; later pages report it instead of counting the whole result again.
 *
 * <p>{@code lastSortValue} is null when the query has no {@code sortBy} or the last row had no
 * value; otherwise a {@link String}, {@link Long}, {@link Integer}, {@link Boolean}, {@link Double}
 * or {@link BigDecimal}, which is what the sort column yields. Immutable.
 */
public record CursorState(
    String tenantId,
    String queryFingerprint,
    @Nullable Object lastSortValue,
    String lastId,
    long expiresAtMillis,
    boolean forward,
    long totalResults) {

  public CursorState {
    if (lastSortValue != null
        && !(lastSortValue instanceof String
            || lastSortValue instanceof Long
            || lastSortValue instanceof Integer
            || lastSortValue instanceof Boolean
            || lastSortValue instanceof Double
            || lastSortValue instanceof BigDecimal)) {
      throw new IllegalArgumentException(
          "a cursor cannot hold a sort value of " + lastSortValue.getClass());
    }
  }
}
