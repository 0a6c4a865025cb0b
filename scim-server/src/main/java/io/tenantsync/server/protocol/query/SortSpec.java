package io.tenantsync.server.protocol.query;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3) as an HQL {@code order by} that is
 * always a total order: the sort attribute, then the resource id in the same direction, so that
 * pages never overlap or skip and keyset cursors ({@link Keyset}) have a unique position.
 *
 * <p>{@code sortExpression} is null when no {@code sortBy} was given (the order is then by id). A
 * case-insensitive string sorts by its lower-cased column, or by {@code lower(column)}; to build a
 * cursor, select {@code sortExpression} next to the entity and keep its value for the last row.
 *
 * <p>A missing value (SQL NULL) sorts before every other value: {@code nulls first} ascending,
 * {@code nulls last} descending. That is MariaDB's and H2's own order, so Hibernate leaves the
 * clause out for them and the index still serves the order; other databases get it rendered. {@link
 * Keyset} relies on this order.
 *
 * <p>Immutable.
 */
public record SortSpec(@Nullable String sortExpression, boolean descending, String idExpression) {

  /**
   * The order for one request. {@code sortOrder} is {@code ascending} (the default) or {@code
   * descending} in any case, and also applies to the id order when {@code sortBy} is absent. A
   * {@code sortBy} that is unknown, multi-valued or not sortable is {@code invalidValue}.
   */
  public static SortSpec of(
      @Nullable String sortBy, @Nullable String sortOrder, AttributeCatalog catalog)
      throws BadRequestException {
    boolean descending = isDescending(sortOrder);
    String id = catalog.rootAlias() + ".id";
    if (sortBy == null || sortBy.isBlank()) {
      return new SortSpec(null, descending, id);
    }
    AttributeColumn column = sortable(sortBy.strip(), catalog);
    String path = catalog.rootAlias() + "." + column.hqlPath();
    boolean lower =
        column.type() == ValueType.STRING && !column.caseExact() && !column.storedLowerCase();
    return new SortSpec(lower ? "lower(" + path + ")" : path, descending, id);
  }

  /**
   * {@code order by <sortExpression> asc nulls first, <alias>.id asc} (descending: {@code desc
   * nulls last} and {@code desc}); {@code order by <alias>.id <dir>} without {@code sortBy}.
   */
  public String orderBy() {
    String direction = descending ? " desc" : " asc";
    String byId = idExpression + direction;
    if (sortExpression == null) {
      return "order by " + byId;
    }
    String nulls = descending ? " nulls last" : " nulls first";
    return "order by " + sortExpression + direction + nulls + ", " + byId;
  }

  /** The same order backwards, for reading the page before a cursor. */
  public SortSpec reversed() {
    return new SortSpec(sortExpression, !descending, idExpression);
  }

  private static boolean isDescending(@Nullable String sortOrder) throws BadRequestException {
    if (sortOrder == null || sortOrder.isBlank()) {
      return false;
    }
    return switch (sortOrder.strip().toLowerCase(Locale.ROOT)) {
      case "ascending" -> false;
      case "descending" -> true;
      default ->
          throw BadRequestException.invalidValue(
              "sortOrder must be 'ascending' or 'descending', not '" + sortOrder + "'");
    };
  }

  private static AttributeColumn sortable(String sortBy, AttributeCatalog catalog)
      throws BadRequestException {
    Optional<AttributeColumn> column;
    try {
      column = catalog.find(Path.fromString(sortBy));
    } catch (BadRequestException e) {
      throw new BadRequestException(
          "sortBy '" + sortBy + "' is not an attribute path", BadRequestException.INVALID_VALUE, e);
    }
    String supported = "; sortable attributes: " + String.join(", ", catalog.sortableAttributes());
    if (column.isPresent() && column.get().collection() != null) {
      throw BadRequestException.invalidValue(
          "sortBy '" + sortBy + "' is multi-valued and cannot be sorted by" + supported);
    }
    if (column.isEmpty() || !column.get().sortable()) {
      throw BadRequestException.invalidValue(
          "sorting by '" + sortBy + "' is not supported" + supported);
    }
    return column.get();
  }
}
