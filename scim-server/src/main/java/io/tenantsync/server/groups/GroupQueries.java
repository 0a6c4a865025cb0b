package io.tenantsync.server.groups;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.SearchQuery;
import java.util.Map;

/**
 * Where each filterable or sortable Group attribute lives, and the list query over a tenant's
 * groups (RFC 7644 §3.4.2): filters in SQL, index or cursor paging, as for Users. {@code
 * displayName} compares case-insensitively, {@code id} and {@code externalId} exactly.
 *
 * <p>Membership is the multi-valued {@code members} with {@code value} (the member's id, exact) and
 * {@code type} ({@code User} or {@code Group}): {@code members[value eq "2f0c…"]}, {@code
 * members.value eq "…"} or {@code members eq "…"} find a member's groups through the primary key of
 * {@code group_member}, combined with the rest of the filter as any other condition ({@code or},
 * {@code not}, {@code pr} included). A retained user is never a member: DELETE removes its
 * memberships. Immutable, thread-safe.
 */
public final class GroupQueries {
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("g")
          .coreSchema(GroupSchemas.CORE)
          .auditable()
          .attribute("displayName", AttributeColumn.lowerCasedString("displayNameCi").asSortable())
          .attribute("externalId", AttributeColumn.caseExactString("externalId").asSortable())
          .collection(
              GroupSchemas.MEMBERS,
              Map.of(
                  "value", AttributeColumn.caseExactString("memberId"),
                  "type", AttributeColumn.caseIgnoreString("memberType")))
          .build();

  private final SearchQuery<GroupEntity> search;

  public GroupQueries(CursorCodec cursors, long cursorTimeoutMillis) {
    this.search =
        new SearchQuery<>(
            GroupEntity.class,
            "Group",
            CATALOG,
            "g.tenantId = :tenant",
            cursors,
            cursorTimeoutMillis);
  }

  public SearchQuery<GroupEntity>.Prepared prepare(ListRequest request) throws BadRequestException {
    return search.prepare(request);
  }
}
