package io.tenantsync.server.protocol.query;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * A list or search over one resource type within a {@link Scope} (one tenant, or what one caller
 * may see of an installation-level type), run in SQL: the filter translated by {@link
 * FilterTranslator}, sorted by {@link SortSpec}, paged by index ({@code startIndex}) or by keyset
 * cursor (RFC 9865), whose cost does not grow with depth. Immutable, thread-safe.
 *
 * @param <E> the entity listed; its HQL alias is the catalog's root alias, and {@code
 *     baseRestriction} (HQL using that alias, possibly {@code :tenant}, or null) holds for every
 *     caller; the {@link Scope} of each run narrows it further
 */
public final class SearchQuery<E> {
  private final Class<E> entity;
  private final String entityName;
  private final String resourceType;
  private final AttributeCatalog catalog;
  private final @Nullable String baseRestriction;
  private final CursorCodec cursors;
  private final long cursorTimeoutMillis;
  private final @Nullable String defaultSortBy;
  private final boolean defaultDescending;

  public SearchQuery(
      Class<E> entity,
      String resourceType,
      AttributeCatalog catalog,
      @Nullable String baseRestriction,
      CursorCodec cursors,
      long cursorTimeoutMillis) {
    this.entity = entity;
    this.entityName = entity.getSimpleName();
    this.resourceType = resourceType;
    this.catalog = catalog;
    this.baseRestriction = baseRestriction;
    this.cursors = cursors;
    this.cursorTimeoutMillis = cursorTimeoutMillis;
    this.defaultSortBy = null;
    this.defaultDescending = false;
  }

  private SearchQuery(SearchQuery<E> base, String defaultSortBy, boolean defaultDescending) {
    this.entity = base.entity;
    this.entityName = base.entityName;
    this.resourceType = base.resourceType;
    this.catalog = base.catalog;
    this.baseRestriction = base.baseRestriction;
    this.cursors = base.cursors;
    this.cursorTimeoutMillis = base.cursorTimeoutMillis;
    this.defaultSortBy = defaultSortBy;
    this.defaultDescending = defaultDescending;
  }

  /**
   * The same query, ordered by {@code sortBy} (a sortable attribute of the catalog) when a request
   * names no {@code sortBy}; {@code descending} unless the request gives a {@code sortOrder}.
   */
  public SearchQuery<E> withDefaultOrder(String sortBy, boolean descending) {
    return new SearchQuery<>(this, sortBy, descending);
  }

  public AttributeCatalog catalog() {
    return catalog;
  }

  /** Checks filter and sort before any transaction opens; 400 for anything wrong. */
  public Prepared prepare(ListRequest request) throws BadRequestException {
    HqlPredicate filter = null;
    if (request.filter() != null && !request.filter().isBlank()) {
      Filter parsed = FilterTranslator.parse(request.filter());
      filter = FilterTranslator.translate(parsed, catalog);
    }
    SortSpec sort;
    if ((request.sortBy() == null || request.sortBy().isBlank()) && defaultSortBy != null) {
      String order = defaultDescending ? "descending" : "ascending";
      sort =
          SortSpec.of(
              defaultSortBy, request.sortOrder() == null ? order : request.sortOrder(), catalog);
    } else {
      sort = SortSpec.of(request.sortBy(), request.sortOrder(), catalog);
    }
    String fingerprint =
        CursorCodec.queryFingerprint(
            resourceType + "|" + (request.filter() == null ? "" : request.filter()),
            request.sortBy(),
            request.sortOrder());
    return new Prepared(request, filter, sort, fingerprint);
  }

  /** A checked request, ready to run in a transaction. */
  public final class Prepared {
    private final ListRequest request;
    private final @Nullable HqlPredicate filter;
    private final SortSpec sort;
    private final String fingerprint;

    private Prepared(
        ListRequest request, @Nullable HqlPredicate filter, SortSpec sort, String fingerprint) {
      this.request = request;
      this.filter = filter;
      this.sort = sort;
      this.fingerprint = fingerprint;
    }

    /**
     * One page and {@code totalResults}. The count is a second query over every match, so it is
     * skipped where the page itself gives it: a page that is not full and is not past the end ends
     * the result; a page reached by a cursor reports the count its iteration started with.
     */
    public ListPage<E> run(Session session, String tenantId) throws BadRequestException {
      return run(session, Scope.tenant(tenantId));
    }

    /** As {@link #run(Session, String)}, over the rows of {@code scope}. */
    public ListPage<E> run(Session session, Scope scope) throws BadRequestException {
      int count = request.page().count();
      if (count == 0) {
        return new ListPage<>(List.of(), count(session, scope));
      }
      if (request.cursorPaging()) {
        return cursorPage(session, scope, count);
      }
      int offset = request.page().offset();
      List<E> page =
          query("select " + alias() + " ", filter, " " + sort.orderBy(), entity, scope, session)
              .setFirstResult(offset)
              .setMaxResults(count)
              .getResultList();
      boolean endsHere = page.size() < count && (!page.isEmpty() || offset == 0);
      return new ListPage<>(page, endsHere ? offset + page.size() : count(session, scope));
    }

    private long count(Session session, Scope scope) {
      return query("select count(*) ", filter, "", Long.class, scope, session).getSingleResult();
    }

    private ListPage<E> cursorPage(Session session, Scope scope, int count)
        throws BadRequestException {
      String token = request.cursor();
      CursorState from =
          token == null || token.isEmpty()
              ? null
              : cursors.decode(token, scope.owner(), fingerprint);
      boolean backward = from != null && !from.forward();
      SortSpec order = backward ? sort.reversed() : sort;
      HqlPredicate where = filter;
      if (from != null) {
        HqlPredicate keyset = Keyset.after(sort, from);
        where = where == null ? keyset : where.and(keyset);
      }
      String select =
          "select "
              + alias()
              + ", "
              + (sort.sortExpression() == null ? "null" : sort.sortExpression())
              + " ";
      List<Object[]> rows =
          query(select, where, " " + order.orderBy(), Object[].class, scope, session)
              .setMaxResults(count + 1)
              .getResultList();
      boolean more = rows.size() > count;
      List<Object[]> page = new ArrayList<>(rows.subList(0, Math.min(count, rows.size())));
      if (backward) {
        Collections.reverse(page);
      }
      long total;
      if (from != null) {
        total = from.totalResults();
      } else {
        total = more ? count(session, scope) : page.size();
      }
      List<E> resources = new ArrayList<>();
      page.forEach(row -> resources.add(entity.cast(row[0])));
      String next = null;
      String previous = null;
      if (!page.isEmpty()) {
        boolean hasNext = backward || more;
        boolean hasPrevious = backward ? more : from != null;
        if (hasNext) {
          next = encode(session, scope, page.get(page.size() - 1), true, total);
        }
        if (hasPrevious) {
          previous = encode(session, scope, page.get(0), false, total);
        }
      }
      return new ListPage<>(resources, total, next, previous);
    }

    private String encode(Session session, Scope scope, Object[] row, boolean forward, long total) {
      return cursors.encode(
          new CursorState(
              scope.owner(),
              fingerprint,
              row[1],
              String.valueOf(
                  session.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(row[0])),
              System.currentTimeMillis() + cursorTimeoutMillis,
              forward,
              total));
    }
  }

  private String alias() {
    return catalog.rootAlias();
  }

  private <T> SelectionQuery<T> query(
      String select,
      @Nullable HqlPredicate filter,
      String tail,
      Class<T> type,
      Scope scope,
      Session session) {
    List<String> conditions = new ArrayList<>();
    if (baseRestriction != null) {
      conditions.add(baseRestriction);
    }
    if (scope.restriction() != null) {
      conditions.add(scope.restriction());
    }
    if (filter != null) {
      conditions.add(filter.hql());
    }
    String where =
        conditions.isEmpty()
            ? ""
            : " where "
                + String.join(" and ", conditions.stream().map(c -> "(" + c + ")").toList());
    SelectionQuery<T> query =
        session.createSelectionQuery(
            select + "from " + entityName + " " + alias() + where + tail, type);
    scope.parameters().forEach(query::setParameter);
    Map<String, Object> parameters = filter == null ? new HashMap<>() : filter.parameters();
    parameters.forEach(query::setParameter);
    return query;
  }
}
