package io.tenantsync.server.protocol.query;

import static io.tenantsync.server.protocol.query.AttributeColumn.caseExactString;
import static io.tenantsync.server.protocol.query.AttributeColumn.caseIgnoreString;
import static io.tenantsync.server.protocol.query.AttributeColumn.lowerCasedString;
import static io.tenantsync.server.protocol.query.AttributeColumn.of;

import java.util.Map;

/** A Users catalog shaped like the real one, plus an integer and a decimal extension attribute. */
final class TestCatalogs {
  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String RESELLER = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  static final AttributeCatalog USERS =
      AttributeCatalog.builder("u")
          .coreSchema(CORE)
          .attribute("id", caseExactString("id").asSortable())
          .attribute("userName", lowerCasedString("userNameCi").asSortable())
          .attribute("externalId", caseExactString("externalId").asSortable())
          .attribute("displayName", caseIgnoreString("displayName").asSortable())
          .attribute("name.givenName", caseIgnoreString("givenName"))
          .attribute("name.familyName", caseIgnoreString("familyName").asSortable())
          .attribute("title", caseIgnoreString("title"))
          .attribute("active", of("active", ValueType.BOOLEAN))
          .attribute("meta.created", of("createdAt", ValueType.DATETIME).asSortable())
          .attribute("meta.lastModified", of("lastModified", ValueType.DATETIME).asSortable())
          .extension(ENTERPRISE, "employeeNumber", caseExactString("employeeNumber"))
          .extension(ENTERPRISE, "department", caseIgnoreString("department"))
          .extension(RESELLER, "managed", of("managed", ValueType.BOOLEAN))
          .extension(RESELLER, "seatCount", of("seatCount", ValueType.INTEGER).asSortable())
          .extension(RESELLER, "monthlySpend", of("monthlySpend", ValueType.DECIMAL))
          .collection(
              "emails",
              Map.of(
                  "value", lowerCasedString("valueCi"),
                  "type", caseIgnoreString("type"),
                  "primary", of("primary", ValueType.BOOLEAN),
                  "display", caseIgnoreString("display")))
          .build();

  private TestCatalogs() {}
}
