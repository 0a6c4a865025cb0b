package io.tenantsync.server.users;

import static io.tenantsync.server.protocol.query.AttributeColumn.caseExactString;
import static io.tenantsync.server.protocol.query.AttributeColumn.caseIgnoreString;
import static io.tenantsync.server.protocol.query.AttributeColumn.lowerCasedString;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.SearchQuery;
import io.tenantsync.server.protocol.query.ValueType;
import java.util.Map;

/**
 * Where each filterable or sortable User attribute lives (the one map from SCIM attributes to
 * columns, DESIGN.md), and the list query over a tenant's visible users. Case rules follow RFC 7643
 * §4.1: {@code userName}, names and emails compare case-insensitively, {@code id} and {@code
 * externalId} exactly. Immutable, thread-safe.
 */
public final class UserQueries {
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("u")
          .coreSchema(UserSchemas.CORE)
          .auditable()
          .attribute("userName", lowerCasedString("userNameCi").asSortable())
          .attribute("externalId", caseExactString("externalId").asSortable())
          .attribute("displayName", caseIgnoreString("displayName").asSortable())
          .attribute("name.givenName", caseIgnoreString("givenName").asSortable())
          .attribute("name.familyName", caseIgnoreString("familyName").asSortable())
          .attribute("title", caseIgnoreString("title").asSortable())
          .attribute("userType", caseIgnoreString("userType").asSortable())
          .attribute("active", AttributeColumn.of("active", ValueType.BOOLEAN).asSortable())
          .collection(
              "emails",
              Map.of(
                  "value", lowerCasedString("valueCi"),
                  "type", caseIgnoreString("type"),
                  "primary", AttributeColumn.of("primary", ValueType.BOOLEAN),
                  "display", caseIgnoreString("display")))
          .extension(
              UserSchemas.ENTERPRISE,
              "employeeNumber",
              caseIgnoreString("employeeNumber").asSortable())
          .extension(
              UserSchemas.ENTERPRISE, "department", caseIgnoreString("department").asSortable())
          .extension(
              UserSchemas.RESELLER, "managed", AttributeColumn.of("managed", ValueType.BOOLEAN))
          .extension(UserSchemas.RESELLER, "source", caseExactString("source"))
          .extension(UserSchemas.RESELLER, "tenantObjectId", caseIgnoreString("tenantObjectId"))
          .extension(UserSchemas.RESELLER, "initialUserName", lowerCasedString("initialUserNameCi"))
          .extension(UserSchemas.RESELLER, "usageLocation", caseIgnoreString("usageLocation"))
          .extension(UserSchemas.RESELLER, "alternateEmail", caseIgnoreString("alternateEmail"))
          .extension(UserSchemas.RESELLER, "syncState", caseExactString("syncState"))
          .extension(UserSchemas.RESELLER, "syncError", caseIgnoreString("syncError"))
          .build();

  private final SearchQuery<UserEntity> search;

  public UserQueries(CursorCodec cursors, long cursorTimeoutMillis) {
    this.search =
        new SearchQuery<>(
            UserEntity.class,
            "User",
            CATALOG,
            "u.tenantId = :tenant and u.retained = false and u.deletedAt is null",
            cursors,
            cursorTimeoutMillis);
  }

  public SearchQuery<UserEntity>.Prepared prepare(ListRequest request) throws BadRequestException {
    return search.prepare(request);
  }
}
