package io.tenantsync.server.protocol.query;

import static io.tenantsync.server.protocol.query.TestCatalogs.CORE;
import static io.tenantsync.server.protocol.query.TestCatalogs.ENTERPRISE;
import static io.tenantsync.server.protocol.query.TestCatalogs.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributeCatalogTest {

  @Test
  void findsCoreAttributesByShortAndQualifiedNameInAnyCase() throws BadRequestException {
    AttributeColumn userName = AttributeColumn.lowerCasedString("userNameCi").asSortable();
    assertEquals(Optional.of(userName), find("userName"));
    assertEquals(Optional.of(userName), find("USERNAME"));
    assertEquals(Optional.of(userName), find(CORE + ":userName"));
    assertEquals(Optional.of(userName), find(CORE.toUpperCase() + ":username"));
    assertEquals("givenName", find("name.givenName").orElseThrow().hqlPath());
    assertEquals("lastModified", find("meta.LASTMODIFIED").orElseThrow().hqlPath());
  }

  @Test
  void findsExtensionAttributesOnlyFullyQualified() throws BadRequestException {
    assertEquals("employeeNumber", find(ENTERPRISE + ":employeeNumber").orElseThrow().hqlPath());
    assertEquals(Optional.empty(), find("employeeNumber"));
    assertEquals(Optional.empty(), find(CORE + ":employeeNumber"));
  }

  @Test
  void aBareMultiValuedAttributeMeansItsValue() throws BadRequestException {
    AttributeColumn value = find("emails").orElseThrow();
    assertEquals("valueCi", value.hqlPath());
    assertEquals("emails", value.collection());
    assertEquals(value, find("emails.value").orElseThrow());
    assertEquals("emails", find("emails.type").orElseThrow().collection());
  }

  @Test
  void unknownPathsAreNotFound() throws BadRequestException {
    assertEquals(Optional.empty(), find("nickName"));
    assertEquals(Optional.empty(), find("name"));
    assertEquals(Optional.empty(), find("emails.value.more"));
    assertEquals(Optional.empty(), find("urn:example:other:nickName"));
  }

  @Test
  void listsWhatClientsMayFilterAndSortOnAsTheyWriteIt() {
    assertEquals(
        List.of(
            "active",
            "displayName",
            "emails",
            "emails.display",
            "emails.primary",
            "emails.type",
            "emails.value",
            "externalId",
            "id",
            "meta.created",
            "meta.lastModified",
            "name.familyName",
            "name.givenName",
            "title",
            ENTERPRISE + ":department",
            ENTERPRISE + ":employeeNumber",
            TestCatalogs.RESELLER + ":managed",
            TestCatalogs.RESELLER + ":monthlySpend",
            TestCatalogs.RESELLER + ":seatCount",
            "userName"),
        USERS.filterableAttributes());
    assertEquals(
        List.of(
            "displayName",
            "externalId",
            "id",
            "meta.created",
            "meta.lastModified",
            "name.familyName",
            TestCatalogs.RESELLER + ":seatCount",
            "userName"),
        USERS.sortableAttributes());
  }

  @Test
  void builderRejectsDuplicatesAndMissingCoreSchema() {
    AttributeColumn column = AttributeColumn.caseExactString("x");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AttributeCatalog.builder("u")
                .coreSchema(CORE)
                .attribute("userName", column)
                .attribute("USERNAME", column));
    assertThrows(
        IllegalStateException.class, () -> AttributeCatalog.builder("u").attribute("a", column));
    assertThrows(
        IllegalArgumentException.class,
        () -> AttributeCatalog.builder("u").coreSchema(CORE).collection("emails", Map.of()));
  }

  @Test
  void rootAliasMustNotCollideWithSubqueryAliases() {
    assertThrows(IllegalArgumentException.class, () -> AttributeCatalog.builder("e0"));
    assertThrows(IllegalArgumentException.class, () -> AttributeCatalog.builder("u; drop"));
  }

  @Test
  void columnsRejectContradictions() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AttributeColumn("a", ValueType.STRING, true, true, null, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AttributeColumn("a", ValueType.BOOLEAN, false, true, null, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> AttributeColumn.caseExactString("value").asSortable().inCollection("emails"));
    assertThrows(IllegalArgumentException.class, () -> AttributeColumn.caseExactString("a b"));
  }

  @Test
  void columnFactoriesSetTheCaseRules() {
    AttributeColumn exact = AttributeColumn.caseExactString("externalId");
    AttributeColumn lowered = AttributeColumn.lowerCasedString("userNameCi");
    AttributeColumn ignored = AttributeColumn.caseIgnoreString("title");
    assertTrue(exact.caseExact());
    assertFalse(exact.storedLowerCase());
    assertFalse(lowered.caseExact());
    assertTrue(lowered.storedLowerCase());
    assertFalse(ignored.caseExact());
    assertFalse(ignored.storedLowerCase());
  }

  private static Optional<AttributeColumn> find(String path) throws BadRequestException {
    return USERS.find(Path.fromString(path));
  }
}
