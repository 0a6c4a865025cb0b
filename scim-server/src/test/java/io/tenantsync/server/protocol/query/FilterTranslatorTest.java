package io.tenantsync.server.protocol.query;

import static io.tenantsync.server.protocol.query.TestCatalogs.CORE;
import static io.tenantsync.server.protocol.query.TestCatalogs.ENTERPRISE;
import static io.tenantsync.server.protocol.query.TestCatalogs.RESELLER;
import static io.tenantsync.server.protocol.query.TestCatalogs.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTranslatorTest {

  /** userName: lower-cased column; displayName: lower(column); externalId: case-exact. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          userName eq "BJensen"    | u.userNameCi = :p0                                | bjensen
          displayName eq "Babs J"  | lower(u.displayName) = :p0                        | babs j
          externalId eq "AbC-1"    | u.externalId = :p0                                | AbC-1
          userName ne "BJensen"    | (u.userNameCi <> :p0 or u.userNameCi is null)     | bjensen
          displayName ne "Babs"    | (lower(u.displayName) <> :p0 or u.displayName is null) | babs
          externalId ne "AbC"      | (u.externalId <> :p0 or u.externalId is null)     | AbC
          userName co "JEN"        | u.userNameCi like :p0 escape '\\'                  | %jen%
          displayName co "JEN"     | lower(u.displayName) like :p0 escape '\\'          | %jen%
          externalId co "JEN"      | u.externalId like :p0 escape '\\'                  | %JEN%
          userName sw "BJ"         | u.userNameCi like :p0 escape '\\'                  | bj%
          displayName sw "BJ"      | lower(u.displayName) like :p0 escape '\\'          | bj%
          externalId sw "BJ"       | u.externalId like :p0 escape '\\'                  | BJ%
          userName ew "SEN"        | u.userNameCi like :p0 escape '\\'                  | %sen
          displayName ew "SEN"     | lower(u.displayName) like :p0 escape '\\'          | %sen
          externalId ew "SEN"      | u.externalId like :p0 escape '\\'                  | %SEN
          userName gt "M"          | u.userNameCi > :p0                                | m
          displayName ge "M"       | lower(u.displayName) >= :p0                       | m
          externalId lt "M"        | u.externalId < :p0                                | M
          userName le "M"          | u.userNameCi <= :p0                               | m
          displayName gt "M"       | lower(u.displayName) > :p0                        | m
          externalId ge "M"        | u.externalId >= :p0                               | M
          """)
  void stringOperatorsFollowCaseExactAndStorage(String filter, String hql, String parameter)
      throws BadRequestException {
    assertTranslation(filter, hql, Map.of("p0", parameter));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          userName pr    | (u.userNameCi is not null and u.userNameCi <> '')
          displayName pr | (u.displayName is not null and u.displayName <> '')
          externalId pr  | (u.externalId is not null and u.externalId <> '')
          active pr      | u.active is not null
          meta.created pr | u.createdAt is not null
          """)
  void presentMeansNotNullAndForStringsNotEmpty(String filter, String hql)
      throws BadRequestException {
    assertTranslation(filter, hql, Map.of());
  }

  @Nested
  class Values {
    @Test
    void booleansAcceptJsonAndEntraStyleStrings() throws BadRequestException {
      assertTranslation("active eq true", "u.active = :p0", Map.of("p0", true));
      assertTranslation("active eq \"False\"", "u.active = :p0", Map.of("p0", false));
      assertTranslation(
          "active ne false", "(u.active <> :p0 or u.active is null)", Map.of("p0", false));
    }

    @Test
    void dateTimesBecomeEpochMillis() throws BadRequestException {
      assertTranslation(
          "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
          "u.lastModified > :p0",
          Map.of("p0", 1305261754000L));
      assertTranslation(
          "meta.created le \"2011-05-13T06:42:34.250+02:00\"",
          "u.createdAt <= :p0",
          Map.of("p0", 1305261754250L));
      assertTranslation(
          "meta.created eq \"2011-05-13T04:42:34\"",
          "u.createdAt = :p0",
          Map.of("p0", 1305261754000L));
    }

    @Test
    void numbersBindAsLongOrBigDecimal() throws BadRequestException {
      assertTranslation(RESELLER + ":seatCount ge 10", "u.seatCount >= :p0", Map.of("p0", 10L));
      assertTranslation(RESELLER + ":seatCount eq 1e1", "u.seatCount = :p0", Map.of("p0", 10L));
      assertTranslation(
          RESELLER + ":monthlySpend lt 9.99",
          "u.monthlySpend < :p0",
          Map.of("p0", new BigDecimal("9.99")));
    }

    @Test
    void likeEscapesPercentUnderscoreAndBackslash() throws BadRequestException {
      assertTranslation(
          "userName co \"50%_OFF\\\\\"",
          "u.userNameCi like :p0 escape '\\'", Map.of("p0", "%50\\%\\_off\\\\%"));
      assertTranslation(
          "externalId sw \"a_b\"", "u.externalId like :p0 escape '\\'", Map.of("p0", "a\\_b%"));
    }

    @Test
    void eqNullIsAbsentAndNeNullIsPresent() throws BadRequestException {
      assertTranslation("title eq null", "(u.title is null or u.title = '')", Map.of());
      assertTranslation("title ne null", "(u.title is not null and u.title <> '')", Map.of());
      assertTranslation("active eq null", "u.active is null", Map.of());
      assertTranslation(
          "emails.value eq null",
          "not exists (select 1 from u.emails e0"
              + " where (e0.valueCi is not null and e0.valueCi <> ''))",
          Map.of());
      assertTranslation("emails eq null", "not exists (select 1 from u.emails e0)", Map.of());
    }
  }

  @Nested
  class Logic {
    @Test
    void andBindsTighterThanOrAndIsGroupedExplicitly() throws BadRequestException {
      assertTranslation(
          "userName eq \"a\" or displayName eq \"b\" and title eq \"c\"",
          "u.userNameCi = :p0 or (lower(u.displayName) = :p1 and lower(u.title) = :p2)",
          Map.of("p0", "a", "p1", "b", "p2", "c"));
    }

    @Test
    void parenthesesOverridePrecedence() throws BadRequestException {
      assertTranslation(
          "(userName eq \"a\" or displayName eq \"b\") and title eq \"c\"",
          "(u.userNameCi = :p0 or lower(u.displayName) = :p1) and lower(u.title) = :p2",
          Map.of("p0", "a", "p1", "b", "p2", "c"));
    }

    @Test
    void groupsOfTheSameOperatorNeedNoParentheses() throws BadRequestException {
      assertTranslation(
          "(userName eq \"a\" and title eq \"b\") and (active eq true and title pr)",
          "u.userNameCi = :p0 and lower(u.title) = :p1 and u.active = :p2"
              + " and (u.title is not null and u.title <> '')",
          Map.of("p0", "a", "p1", "b", "p2", true));
    }

    @Test
    void notGuardsComparisonsSoAbsentValuesMatch() throws BadRequestException {
      assertTranslation(
          "not (title eq \"Boss\")",
          "not (u.title is not null and lower(u.title) = :p0)",
          Map.of("p0", "boss"));
      assertTranslation(
          "not (userName sw \"a\" or active eq true)",
          "not ((u.userNameCi is not null and u.userNameCi like :p0 escape '\\')"
              + " or (u.active is not null and u.active = :p1))",
          Map.of("p0", "a%", "p1", true));
    }

    @Test
    void notOfTwoValuedConditionsIsPlain() throws BadRequestException {
      assertTranslation(
          "not (title ne \"x\")",
          "not (lower(u.title) <> :p0 or u.title is null)",
          Map.of("p0", "x"));
      assertTranslation("not (title pr)", "not (u.title is not null and u.title <> '')", Map.of());
      assertTranslation(
          "not (not (userName eq \"a\"))",
          "not (not (u.userNameCi is not null and u.userNameCi = :p0))",
          Map.of("p0", "a"));
    }

    @Test
    void onlyComparisonsUnderNotAreGuarded() throws BadRequestException {
      assertTranslation(
          "userName eq \"a\" and not (title eq \"b\")",
          "u.userNameCi = :p0 and not (u.title is not null and lower(u.title) = :p1)",
          Map.of("p0", "a", "p1", "b"));
    }
  }

  @Nested
  class MultiValued {
    @Test
    void aValueFilterIsOneSubqueryOnTheSameElement() throws BadRequestException {
      assertTranslation(
          "emails[type eq \"Work\" and value co \"@Example.com\"]",
          "exists (select 1 from u.emails e0"
              + " where lower(e0.type) = :p0 and e0.valueCi like :p1 escape '\\')",
          Map.of("p0", "work", "p1", "%@example.com%"));
    }

    @Test
    void separateSubAttributeComparisonsAreSeparateSubqueries() throws BadRequestException {
      assertTranslation(
          "emails.type eq \"work\" and emails.value co \"x\"",
          "exists (select 1 from u.emails e0 where lower(e0.type) = :p0)"
              + " and exists (select 1 from u.emails e1 where e1.valueCi like :p1 escape '\\')",
          Map.of("p0", "work", "p1", "%x%"));
    }

    @Test
    void subAttributeAndBareNameCompareTheValue() throws BadRequestException {
      String hql = "exists (select 1 from u.emails e0 where e0.valueCi = :p0)";
      assertTranslation("emails.value eq \"BJ@Example.com\"", hql, Map.of("p0", "bj@example.com"));
      assertTranslation("emails eq \"BJ@Example.com\"", hql, Map.of("p0", "bj@example.com"));
      assertTranslation(
          CORE + ":emails.value eq \"BJ@Example.com\"", hql, Map.of("p0", "bj@example.com"));
    }

    @Test
    void presenceOfTheAttributeIsAnyElement() throws BadRequestException {
      assertTranslation("emails pr", "exists (select 1 from u.emails e0)", Map.of());
      assertTranslation(
          "emails.display pr",
          "exists (select 1 from u.emails e0"
              + " where (e0.display is not null and e0.display <> ''))",
          Map.of());
    }

    @Test
    void insideAValueFilterNotAndOrApplyToTheElement() throws BadRequestException {
      assertTranslation(
          "emails[not (type eq \"work\") and (primary eq true or display pr)]",
          "exists (select 1 from u.emails e0"
              + " where not (e0.type is not null and lower(e0.type) = :p0)"
              + " and (e0.primary = :p1 or (e0.display is not null and e0.display <> '')))",
          Map.of("p0", "work", "p1", true));
    }

    @Test
    void notOfAValueFilterNegatesTheSubquery() throws BadRequestException {
      assertTranslation(
          "not (emails[type eq \"work\"])",
          "not (exists (select 1 from u.emails e0 where lower(e0.type) = :p0))",
          Map.of("p0", "work"));
    }

    @Test
    void aValueFilterOnASingleValuedComplexAttributeStaysOnTheRoot() throws BadRequestException {
      assertTranslation(
          "name[givenName eq \"Barbara\" and familyName sw \"J\"]",
          "(lower(u.givenName) = :p0 and lower(u.familyName) like :p1 escape '\\')",
          Map.of("p0", "barbara", "p1", "j%"));
    }
  }

  @Nested
  class Paths {
    @Test
    void extensionAttributesAreFullyQualified() throws BadRequestException {
      assertTranslation(
          ENTERPRISE + ":employeeNumber eq \"701984\"",
          "u.employeeNumber = :p0",
          Map.of("p0", "701984"));
      assertTranslation(RESELLER + ":managed eq true", "u.managed = :p0", Map.of("p0", true));
    }

    @Test
    void schemaUrnsAndNamesAreCaseInsensitive() throws BadRequestException {
      assertTranslation(
          CORE.toUpperCase() + ":USERNAME eq \"a\"", "u.userNameCi = :p0", Map.of("p0", "a"));
      assertTranslation(
          ENTERPRISE.toLowerCase() + ":EMPLOYEENUMBER eq \"7\"",
          "u.employeeNumber = :p0",
          Map.of("p0", "7"));
      assertTranslation("Meta.LastModified pr", "u.lastModified is not null", Map.of());
    }
  }

  @Nested
  class Rejections {
    @Test
    void unknownAttributesNameTheAttributeAndTheAlternatives() {
      String detail = invalid("nickName eq \"x\"");
      assertTrue(
          detail.startsWith(
              "filtering on 'nickName' is not supported; filterable attributes: active,"
                  + " displayName, emails,"),
          detail);
      assertTrue(detail.contains(ENTERPRISE + ":employeeNumber"), detail);
      assertTrue(invalid("employeeNumber eq \"1\"").startsWith("filtering on 'employeeNumber'"));
      assertTrue(invalid("emails[userName eq \"x\"]").startsWith("filtering on 'emails.userName'"));
      assertTrue(invalid("emails.value.x pr").startsWith("filtering on 'emails.value.x'"));
      assertTrue(
          invalid("title[value eq \"x\"]").startsWith("'title' has no sub-attributes"),
          invalid("title[value eq \"x\"]"));
    }

    @Test
    void operatorsMustSuitTheType() {
      assertEquals(
          "'active' is a boolean; 'co' applies only to strings", invalid("active co \"t\""));
      assertEquals(
          "'meta.created' is a dateTime; 'sw' applies only to strings",
          invalid("meta.created sw \"2011\""));
      assertEquals(
          "'active' is a boolean; 'gt' is not defined for booleans, use eq, ne or pr",
          invalid("active gt false"));
      assertEquals("'title' cannot be compared with null using 'gt'", invalid("title gt null"));
    }

    @Test
    void valuesMustSuitTheType() {
      assertEquals(
          "'meta.lastModified' is a dateTime and \"yesterday\" is not one; use an xsd:dateTime"
              + " string such as \"2011-05-13T04:42:34Z\"",
          invalid("meta.lastModified gt \"yesterday\""));
      assertEquals(
          "'userName' is a string; compare it with a quoted string, not 5",
          invalid("userName eq 5"));
      assertEquals(
          "'active' is a boolean; compare it with true or false, not \"yes\"",
          invalid("active eq \"yes\""));
      assertEquals(
          "'" + RESELLER + ":seatCount' is an integer; compare it with a whole number, not 1.5",
          invalid(RESELLER + ":seatCount eq 1.5"));
      assertEquals(
          "'meta.created' is a dateTime; compare it with an xsd:dateTime string such as"
              + " \"2011-05-13T04:42:34Z\", not 5",
          invalid("meta.created gt 5"));
    }

    @Test
    void syntaxErrorsKeepTheParsersPositionAndShowTheFilter() {
      assertEquals(
          "Unrecognized attribute operator 'xx' at position 12. Expected:"
              + " eq,ne,co,sw,ew,pr,gt,ge,lt,le (filter: userName xx \"a\")",
          invalid("userName xx \"a\""));
      String unterminated = invalid("userName eq \"abc");
      assertTrue(unterminated.startsWith("Invalid comparison value at position 12"), unterminated);
      assertFalse(unterminated.contains("REDACTED"), unterminated);
      assertFalse(unterminated.contains("\n"), unterminated);
    }

    @Test
    void unbalancedBracketsArePointedAt() {
      assertEquals(
          "'[' at position 6 is never closed (filter: emails[type eq \"work\")",
          invalid("emails[type eq \"work\""));
      assertEquals(
          "')' at position 16 has no matching '(' (filter: userName eq \"a\" ))",
          invalid("userName eq \"a\" )"));
      assertEquals(
          "'(' at position 0 is never closed (filter: ((userName eq \"a\"))",
          invalid("((userName eq \"a\")"));
      assertEquals(
          "')' at position 19 comes before '[' at position 7 is closed"
              + " (filter: (emails[type eq \"x\")])",
          invalid("(emails[type eq \"x\")]"));
    }

    @Test
    void bracketsInsideStringsAreText() throws BadRequestException {
      assertTranslation(
          "title eq \"a (b] \\\" [c\"", "lower(u.title) = :p0", Map.of("p0", "a (b] \" [c"));
    }

    @Test
    void emptyAndOverlongFiltersAreRejected() {
      assertEquals("the filter is empty", invalid("  "));
      String tooLong = "userName eq \"" + "x".repeat(FilterTranslator.MAX_LENGTH) + "\"";
      assertEquals("the filter has 4110 characters; at most 4096 are accepted", invalid(tooLong));
    }

    @Test
    void nestingIsBoundedAtTwentyLevels() throws BadRequestException {
      String nineteen = "not (".repeat(19) + "userName pr" + ")".repeat(19);
      assertTrue(translate(nineteen).hql().startsWith("not (not ("));
      String twenty = "not (".repeat(20) + "userName pr" + ")".repeat(20);
      assertEquals("the filter nests deeper than 20 levels; simplify it", invalid(twenty));
    }

    @Test
    void comparisonsAreBoundedAtOneHundred() throws BadRequestException {
      assertEquals(100, translate(disjunction(100)).parameters().size());
      assertEquals(
          "the filter has more than 100 comparisons; split the query", invalid(disjunction(101)));
    }

    private static String disjunction(int terms) {
      return String.join(" or ", Collections.nCopies(terms, "userName eq \"a\""));
    }
  }

  private static HqlPredicate translate(String filter) throws BadRequestException {
    return FilterTranslator.translate(FilterTranslator.parse(filter), USERS);
  }

  private static void assertTranslation(String filter, String hql, Map<String, Object> parameters)
      throws BadRequestException {
    HqlPredicate predicate = translate(filter);
    assertEquals(hql, predicate.hql());
    assertEquals(parameters, predicate.parameters());
  }

  /** The detail of the invalidFilter error {@code filter} causes. */
  private static String invalid(String filter) {
    BadRequestException e = assertThrows(BadRequestException.class, () -> translate(filter));
    assertEquals(BadRequestException.INVALID_FILTER, e.getScimError().getScimType());
    return e.getScimError().getDetail();
  }
}
