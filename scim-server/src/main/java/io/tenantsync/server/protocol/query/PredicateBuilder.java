package io.tenantsync.server.protocol.query;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FilterVisitor} behind {@link FilterTranslator}: one instance translates one filter and
 * holds that translation's parameters ({@code p0}, {@code p1}, …) and subquery aliases ({@code e0},
 * {@code e1}, …), so it is used once, by one thread.
 */
final class PredicateBuilder implements FilterVisitor<String, PredicateBuilder.Scope> {

  /**
   * Where attribute names resolve. At the root, names are the resource's and {@code alias} is the
   * root entity's; a sub-attribute of a multi-valued attribute there becomes an {@code exists}
   * subquery. Inside {@code emails[…]}, names are sub-attributes of {@code prefix} and resolve
   * against the element alias of the enclosing subquery ({@code collection} is set). {@code
   * negated}: the leaf is under a {@code not} and must never evaluate to SQL's unknown.
   */
  record Scope(
      @Nullable String urn,
      String prefix,
      String alias,
      @Nullable String collection,
      boolean negated) {

    Scope negate() {
      return new Scope(urn, prefix, alias, collection, true);
    }
  }

  /** A resolved attribute: the name as the client wrote it, and its column. */
  private record Target(String name, AttributeColumn column) {}

  private final AttributeCatalog catalog;
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private int aliases;

  PredicateBuilder(AttributeCatalog catalog) {
    this.catalog = catalog;
  }

  HqlPredicate build(Filter filter) throws BadRequestException {
    Scope root = new Scope(null, "", catalog.rootAlias(), null, false);
    try {
      return new HqlPredicate(filter.visit(this, root), parameters);
    } catch (BadRequestException e) {
      throw e;
    } catch (ScimException e) {
      throw new IllegalStateException("filter translation failed unexpectedly", e);
    }
  }

  @Override
  public String visit(EqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.EQ);
  }

  @Override
  public String visit(NotEqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.NE);
  }

  @Override
  public String visit(ContainsFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.CO);
  }

  @Override
  public String visit(StartsWithFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.SW);
  }

  @Override
  public String visit(EndsWithFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.EW);
  }

  @Override
  public String visit(GreaterThanFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.GT);
  }

  @Override
  public String visit(GreaterThanOrEqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.GE);
  }

  @Override
  public String visit(LessThanFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.LT);
  }

  @Override
  public String visit(LessThanOrEqualFilter filter, Scope scope) throws ScimException {
    return compare(filter, scope, Operator.LE);
  }

  @Override
  public String visit(PresentFilter filter, Scope scope) throws ScimException {
    return presence(filter.getAttributePath(), scope, true);
  }

  @Override
  public String visit(AndFilter filter, Scope scope) throws ScimException {
    return combine(filter, " and ", scope);
  }

  @Override
  public String visit(OrFilter filter, Scope scope) throws ScimException {
    return combine(filter, " or ", scope);
  }

  @Override
  public String visit(NotFilter filter, Scope scope) throws ScimException {
    Filter inner = filter.getInvertedFilter();
    String hql = inner.visit(this, scope.negate());
    boolean grouped = !inner.isCombiningFilter() && !inner.isNotFilter() && hql.startsWith("(");
    return grouped ? "not " + hql : "not (" + hql + ")";
  }

  @Override
  public String visit(ComplexValueFilter filter, Scope scope) throws ScimException {
    Path path = filter.getAttributePath();
    String name = AttributeCatalog.dottedName(path);
    if (!scope.prefix().isEmpty() || name == null) {
      throw unsupported(path.toString());
    }
    String urn = path.getSchemaUrn();
    Filter inner = filter.getValueFilter();
    String collection = catalog.collection(urn, name);
    if (collection != null) {
      String alias = nextAlias();
      Scope element = new Scope(urn, name + ".", alias, collection, false);
      return exists(collection, alias, inner.visit(this, element));
    }
    if (catalog.isComplex(urn, name)) {
      Scope complex = new Scope(urn, name + ".", scope.alias(), null, scope.negated());
      String condition = inner.visit(this, complex);
      return inner.isCombiningFilter() ? "(" + condition + ")" : condition;
    }
    throw BadRequestException.invalidFilter(
        "'%s' has no sub-attributes to filter with [...]; filterable attributes: %s"
            .formatted(path, String.join(", ", catalog.filterableAttributes())));
  }

  private String combine(Filter filter, String operator, Scope scope) throws ScimException {
    StringJoiner joined = new StringJoiner(operator);
    for (Filter part : filter.getCombinedFilters()) {
      String hql = part.visit(this, scope);
      boolean group = part.isCombiningFilter() && part.getFilterType() != filter.getFilterType();
      joined.add(group ? "(" + hql + ")" : hql);
    }
    return joined.toString();
  }

  private String compare(Filter filter, Scope scope, Operator op) throws BadRequestException {
    Path path = filter.getAttributePath();
    ValueNode value = filter.getComparisonValue();
    if (value == null || value.isNull()) {
      if (op == Operator.EQ || op == Operator.NE) {
        return presence(path, scope, op == Operator.NE);
      }
      throw BadRequestException.invalidFilter(
          "'" + path + "' cannot be compared with null using '" + op + "'");
    }
    Target target = resolve(path, scope);
    ComparisonValues.checkOperator(target.name(), target.column(), op);
    String parameter = bind(ComparisonValues.convert(value, target.column(), target.name(), op));
    String collection = target.column().collection();
    if (collection != null && scope.collection() == null) {
      String alias = nextAlias();
      return exists(collection, alias, comparison(target.column(), alias, op, parameter, false));
    }
    return comparison(target.column(), scope.alias(), op, parameter, scope.negated());
  }

  /** {@code pr} (present) or {@code eq null} (absent): RFC 7644 counts "" as not present. */
  private String presence(Path path, Scope scope, boolean present) throws BadRequestException {
    String name = AttributeCatalog.dottedName(path);
    String collection =
        name == null || !scope.prefix().isEmpty()
            ? null
            : catalog.collection(path.getSchemaUrn(), name);
    if (collection != null) {
      String exists = exists(collection, nextAlias(), null);
      return present ? exists : "not " + exists;
    }
    AttributeColumn column = resolve(path, scope).column();
    collection = column.collection();
    if (collection != null && scope.collection() == null) {
      String alias = nextAlias();
      String exists = exists(collection, alias, presentCondition(column, alias));
      return present ? exists : "not " + exists;
    }
    return present
        ? presentCondition(column, scope.alias())
        : absentCondition(column, scope.alias());
  }

  private static String comparison(
      AttributeColumn column, String alias, Operator op, String parameter, boolean twoValued) {
    String path = alias + "." + column.hqlPath();
    String operand = lowerInQuery(column) ? "lower(" + path + ")" : path;
    if (op == Operator.NE) {
      return "(" + operand + " <> :" + parameter + " or " + path + " is null)";
    }
    String comparison = operand + " " + op.hql() + " :" + parameter;
    if (op.isLike()) {
      comparison += " escape '\\'";
    }
    return twoValued ? "(" + path + " is not null and " + comparison + ")" : comparison;
  }

  private static String presentCondition(AttributeColumn column, String alias) {
    String path = alias + "." + column.hqlPath();
    return column.type() == ValueType.STRING
        ? "(" + path + " is not null and " + path + " <> '')"
        : path + " is not null";
  }

  private static String absentCondition(AttributeColumn column, String alias) {
    String path = alias + "." + column.hqlPath();
    return column.type() == ValueType.STRING
        ? "(" + path + " is null or " + path + " = '')"
        : path + " is null";
  }

  private static boolean lowerInQuery(AttributeColumn column) {
    return column.type() == ValueType.STRING && !column.caseExact() && !column.storedLowerCase();
  }

  private String exists(String collection, String alias, @Nullable String condition) {
    String from = "exists (select 1 from " + catalog.rootAlias() + "." + collection + " " + alias;
    return condition == null ? from + ")" : from + " where " + condition + ")";
  }

  private Target resolve(Path path, Scope scope) throws BadRequestException {
    String dotted = AttributeCatalog.dottedName(path);
    String urn = path.getSchemaUrn();
    if (dotted == null || (urn != null && !scope.prefix().isEmpty())) {
      throw unsupported(path.toString());
    }
    String name = scope.prefix() + dotted;
    AttributeColumn column = catalog.column(urn == null ? scope.urn() : urn, name);
    String written = urn == null ? name : path.toString();
    if (column == null
        || (scope.collection() != null && !scope.collection().equals(column.collection()))) {
      throw unsupported(written);
    }
    return new Target(written, column);
  }

  private BadRequestException unsupported(String name) {
    return BadRequestException.invalidFilter(
        "filtering on '%s' is not supported; filterable attributes: %s"
            .formatted(name, String.join(", ", catalog.filterableAttributes())));
  }

  private String bind(Object value) {
    String name = "p" + parameters.size();
    parameters.put(name, value);
    return name;
  }

  private String nextAlias() {
    return "e" + aliases++;
  }
}
