package io.tenantsync.server.protocol.query;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where one filterable SCIM attribute lives in the entity model.
 *
 * <p>{@code hqlPath} is relative to an alias: the root entity's for a single-valued attribute
 * ({@code userNameCi}), or one element's for a sub-attribute of a multi-valued attribute, in which
 * case {@code collection} names the collection on the root entity ({@code emails}, an
 * {@code @ElementCollection} queried as a correlated {@code exists} subquery). {@code caseExact} is
 * the SCIM schema's characteristic; {@code storedLowerCase} says the column already holds a
 * lower-cased copy, so case-insensitive comparisons lower-case only the parameter and the index on
 * the column stays usable (otherwise the column is wrapped in {@code lower(…)}).
 *
 * <p>Immutable; instances are shared freely.
 */
public record AttributeColumn(
    String hqlPath,
    ValueType type,
    boolean caseExact,
    boolean storedLowerCase,
    @Nullable String collection,
    boolean sortable) {

  private static final Pattern HQL_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  public AttributeColumn {
    requirePath(hqlPath);
    if (collection != null) {
      requirePath(collection);
    }
    if (storedLowerCase && (type != ValueType.STRING || caseExact)) {
      throw new IllegalArgumentException(
          hqlPath + ": only a case-insensitive string can be stored lower-cased");
    }
    if (sortable && collection != null) {
      throw new IllegalArgumentException(
          hqlPath + ": a sub-attribute of a multi-valued attribute cannot be sortable");
    }
  }

  /** A case-exact string ({@code externalId}, {@code id}): compared as given. */
  public static AttributeColumn caseExactString(String hqlPath) {
    return new AttributeColumn(hqlPath, ValueType.STRING, true, false, null, false);
  }

  /** A case-insensitive string compared through {@code lower(column)}. */
  public static AttributeColumn caseIgnoreString(String hqlPath) {
    return new AttributeColumn(hqlPath, ValueType.STRING, false, false, null, false);
  }

  /** A case-insensitive string whose column holds a lower-cased copy ({@code userNameCi}). */
  public static AttributeColumn lowerCasedString(String hqlPath) {
    return new AttributeColumn(hqlPath, ValueType.STRING, false, true, null, false);
  }

  /** A column of the given type; a {@code STRING} made this way is case-insensitive. */
  public static AttributeColumn of(String hqlPath, ValueType type) {
    return new AttributeColumn(hqlPath, type, false, false, null, false);
  }

  /** This column, usable as {@code sortBy}. */
  public AttributeColumn asSortable() {
    return new AttributeColumn(hqlPath, type, caseExact, storedLowerCase, collection, true);
  }

  /** This column as a sub-attribute of the multi-valued attribute kept in {@code collection}. */
  public AttributeColumn inCollection(String collection) {
    return new AttributeColumn(hqlPath, type, caseExact, storedLowerCase, collection, sortable);
  }

  private static void requirePath(String path) {
    if (!HQL_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("not an HQL attribute path: '" + path + "'");
    }
  }
}
