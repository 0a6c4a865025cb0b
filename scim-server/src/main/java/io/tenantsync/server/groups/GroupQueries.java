package io.tenantsync.server.groups;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Page;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.FilterTranslator;
import io.tenantsync.server.protocol.query.HqlPredicate;
import io.tenantsync.server.protocol.query.SortSpec;
import io.tenantsync.server.protocol.query.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * Translates a list request on Groups (RFC 7644 §3.4.2) into HQL on indexed columns, scoped to one
 * tenant: the filter through {@link FilterTranslator} over {@link #CATALOG}, {@code sortBy} through
 * {@link SortSpec}, paging by offset.
 *
 * <p>Membership is filtered here, because members are not a mapped collection the translator could
 * query: {@code members[value eq "id"]}, {@code members.value eq "id"} and {@code members eq "id"}
 * become {@code exists (select 1 from GroupMemberEntity …)} on the primary key of {@code
 * group_member} (a retained user is no member, as in {@link GroupMemberships}). Such a condition
 * may be joined to the rest of the filter with {@code and} only:
 *
 * <pre>
 * displayName eq "Sales" and members[value eq "2f0c…"]   supported
 * members.value eq "a" or displayName eq "b"             400 invalidFilter
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class GroupQueries {
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("g")
          .coreSchema(GroupSchemas.CORE)
          .attribute("id", AttributeColumn.caseExactString("id").asSortable())
          .attribute("displayName", AttributeColumn.lowerCasedString("displayNameCi").asSortable())
          .attribute("externalId", AttributeColumn.caseExactString("externalId").asSortable())
          .attribute(
              "meta.created", AttributeColumn.of("createdAt", ValueType.DATETIME).asSortable())
          .attribute(
              "meta.lastModified",
              AttributeColumn.of("lastModified", ValueType.DATETIME).asSortable())
          .build();

  /** A prepared list query: the filter is checked before any transaction opens. */
  public interface Query {
    long count(Session session, String tenantId);

    List<GroupEntity> page(Session session, String tenantId, Page page);
  }

  public Query prepare(ListRequest request) throws BadRequestException {
    if (request.cursorPaging()) {
      throw new BadRequestException(
          "Groups are paged with startIndex and count; cursor paging is not offered for them",
          CursorCodec.INVALID_CURSOR);
    }
    HqlPredicate tenant = new HqlPredicate("g.tenantId = :tenant", Map.of());
    HqlPredicate where =
        request.filter() == null ? tenant : tenant.and(translate(request.filter()));
    SortSpec sort = SortSpec.of(request.sortBy(), request.sortOrder(), CATALOG);
    String from = "from GroupEntity g where " + where.hql();
    return new Query() {
      @Override
      public long count(Session session, String tenantId) {
        return bind(session.createSelectionQuery("select count(*) " + from, Long.class))
            .setParameter("tenant", tenantId)
            .getSingleResult();
      }

      @Override
      public List<GroupEntity> page(Session session, String tenantId, Page page) {
        return bind(session.createSelectionQuery(
                "select g " + from + " " + sort.orderBy(), GroupEntity.class))
            .setParameter("tenant", tenantId)
            .setFirstResult(page.offset())
            .setMaxResults(page.count())
            .getResultList();
      }

      private <T> SelectionQuery<T> bind(SelectionQuery<T> query) {
        where.parameters().forEach(query::setParameter);
        return query;
      }
    };
  }

  /** The filter as a predicate: membership conditions here, the rest by the translator. */
  static HqlPredicate translate(String text) throws BadRequestException {
    Filter filter = FilterTranslator.parse(text);
    List<Filter> conjuncts = new ArrayList<>();
    flattenAnd(filter, conjuncts);
    List<Filter> rest = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (Filter conjunct : conjuncts) {
      String member = memberId(conjunct);
      if (member != null) {
        members.add(member);
      } else {
        requireNoMembers(conjunct);
        rest.add(conjunct);
      }
    }
    HqlPredicate result = null;
    if (!rest.isEmpty()) {
      result =
          FilterTranslator.translate(rest.size() == 1 ? rest.get(0) : Filter.and(rest), CATALOG);
    }
    for (int i = 0; i < members.size(); i++) {
      HqlPredicate member =
          new HqlPredicate(
              ("exists (select 1 from GroupMemberEntity m%1$d"
                      + " where m%1$d.groupId = g.id and m%1$d.memberId = :m%1$d"
                      + " and not exists (select 1 from UserEntity u%1$d"
                      + " where u%1$d.id = m%1$d.memberId and u%1$d.retained = true))")
                  .formatted(i),
              Map.of("m" + i, members.get(i)));
      result = result == null ? member : result.and(member);
    }
    return result;
  }

  private static void flattenAnd(Filter filter, List<Filter> conjuncts) {
    if (filter.getFilterType() == FilterType.AND) {
      for (Filter part : filter.getCombinedFilters()) {
        flattenAnd(part, conjuncts);
      }
    } else {
      conjuncts.add(filter);
    }
  }

  /** The id in {@code members[value eq "id"]}, {@code members.value eq "id"}, else null. */
  private static @Nullable String memberId(Filter filter) {
    if (filter.getFilterType() == FilterType.COMPLEX_VALUE
        && isMembers(filter.getAttributePath(), 1)) {
      Filter inner = filter.getValueFilter();
      if (inner.getFilterType() == FilterType.EQUAL
          && inner.getAttributePath().getSchemaUrn() == null
          && inner.getAttributePath().toString().equalsIgnoreCase("value")
          && inner.getComparisonValue().isTextual()) {
        return inner.getComparisonValue().asText();
      }
      return null;
    }
    if (filter.getFilterType() == FilterType.EQUAL
        && filter.getComparisonValue() != null
        && filter.getComparisonValue().isTextual()) {
      Path path = filter.getAttributePath();
      if (isMembers(path, 1)
          || (isMembers(path, 2) && path.getElement(1).getAttribute().equalsIgnoreCase("value"))) {
        return filter.getComparisonValue().asText();
      }
    }
    return null;
  }

  private static boolean isMembers(@Nullable Path path, int size) {
    if (path == null || path.size() != size) {
      return false;
    }
    String urn = path.getSchemaUrn();
    return (urn == null || urn.equalsIgnoreCase(GroupSchemas.CORE))
        && path.getElement(0).getValueFilter() == null
        && path.getElement(0).getAttribute().equalsIgnoreCase(GroupSchemas.MEMBERS);
  }

  private static void requireNoMembers(Filter filter) throws BadRequestException {
    if (filter.isCombiningFilter()) {
      for (Filter part : filter.getCombinedFilters()) {
        requireNoMembers(part);
      }
      return;
    }
    if (filter.isNotFilter()) {
      requireNoMembers(filter.getInvertedFilter());
      return;
    }
    Path path = filter.getAttributePath();
    if (path != null
        && path.size() > 0
        && path.getElement(0).getAttribute().equalsIgnoreCase(GroupSchemas.MEMBERS)) {
      throw BadRequestException.invalidFilter(
          "members can be filtered only as members[value eq \"id\"] or members.value eq \"id\","
              + " joined to the rest of the filter with 'and': "
              + filter);
    }
  }
}
