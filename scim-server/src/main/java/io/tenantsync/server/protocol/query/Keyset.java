package io.tenantsync.server.protocol.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keyset paging for cursors (RFC 9865): the rows after a cursor's position in a {@link SortSpec}
 * order, found through the index on (sort column, id) instead of an offset, so a page deep in the
 * list costs what the first one does.
 *
 * <p>With {@code c} the sort expression and {@code id} the id, ascending, after ({@code v}, {@code
 * i}): {@code (c > :k0 or (c = :k0 and id > :k1))}; descending uses {@code <}. NULL sorts before
 * every value (see {@link SortSpec}), so ascending after a NULL is {@code (c is not null or (c is
 * null and id > :k0))}, and descending after a value also admits {@code c is null}. Without {@code
 * sortBy} the position is the id alone: {@code id > :k0}.
 *
 * <p>A backward cursor ({@code forward} false) selects the rows before the position: query them
 * with {@link SortSpec#reversed()} and reverse the page. Stateless.
 */
public final class Keyset {
  private Keyset() {}

  /** The rows strictly after {@code cursor} (before it, for a backward cursor). */
  public static HqlPredicate after(SortSpec sort, CursorState cursor) {
    boolean descending = cursor.forward() ? sort.descending() : !sort.descending();
    String next = descending ? " < " : " > ";
    String id = sort.idExpression();
    String column = sort.sortExpression();
    Object value = cursor.lastSortValue();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (column == null) {
      parameters.put("k0", cursor.lastId());
      return new HqlPredicate(id + next + ":k0", parameters);
    }
    if (value == null) {
      parameters.put("k0", cursor.lastId());
      String sameNull = "(" + column + " is null and " + id + next + ":k0)";
      return new HqlPredicate(
          descending ? sameNull : "(" + column + " is not null or " + sameNull + ")", parameters);
    }
    parameters.put("k0", value);
    parameters.put("k1", cursor.lastId());
    String after = "%s%s:k0 or (%s = :k0 and %s%s:k1)".formatted(column, next, column, id, next);
    String orNull = descending ? " or " + column + " is null" : "";
    return new HqlPredicate("(" + after + orNull + ")", parameters);
  }
}
