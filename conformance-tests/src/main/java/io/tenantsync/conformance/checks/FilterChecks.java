package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Filters (RFC 7644 §3.4.2.2): every operator, logical operators and grouping, value filters,
 * sub-attributes, extension attributes, {@code meta.lastModified}, and the case rules (userName
 * caseExact=false, externalId caseExact=true). Each filter is scoped to three users of its own.
 */
@Tag("filter")
public class FilterChecks extends ConformanceCheck {

  private String prefix;
  private String anna;
  private String bob;
  private String carl;
  private JsonNode annaUser;

  @BeforeEach
  void createThreeUsers() throws InterruptedException {
    if (!scim.config().supports(Feature.FILTER)) {
      return; // every filter check but the declaration one is skipped
    }
    prefix = "flt" + Scim.random();
    annaUser =
        scim.createUser(
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "userName": "%s-anna@%s",
              "externalId": "%s-Ext-A",
              "name": {"givenName": "Anna", "familyName": "Alpha"},
              "displayName": "Anna Alpha",
              "title": "Engineer",
              "active": true,
              "emails": [{"value": "anna@work.example", "type": "work", "primary": true}],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales"}
            }
            """
                .formatted(prefix, scim.target().userDomain(), prefix));
    anna = annaUser.path("id").asText();
    Thread.sleep(1_100); // distinct meta.lastModified even at one-second precision
    bob =
        scim.createUser(
                """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                  "userName": "%s-bob@%s",
                  "externalId": "%s-Ext-B",
                  "name": {"givenName": "Bob", "familyName": "Beta"},
                  "displayName": "Bob Beta",
                  "title": "Manager",
                  "active": false,
                  "emails": [{"value": "bob@work.example", "type": "work", "primary": true},
                             {"value": "bob@home.example", "type": "home"}],
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Research"}
                }
                """
                    .formatted(prefix, scim.target().userDomain(), prefix))
            .path("id")
            .asText();
    carl =
        scim.createUser(
                """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                  "userName": "%s-carl@%s",
                  "externalId": "%s-Ext-C",
                  "name": {"givenName": "Carl", "familyName": "Gamma"},
                  "displayName": "Carl Gamma",
                  "active": true
                }
                """
                    .formatted(prefix, scim.target().userDomain(), prefix))
            .path("id")
            .asText();
  }

  /** Runs {@code userName sw "<prefix>" and (<filter>)} and returns the ListResponse. */
  private ResponseAssert scoped(final String filter) {
    scim.require(Feature.FILTER);
    return assertThat(
            get(
                ScimHttp.query(
                    "/Users", "filter", "userName sw \"" + prefix + "\" and (" + filter + ")")))
        .listResponse();
  }

  private void expect(final String filter, final String... ids) {
    scoped(filter).resourcesExactly(Set.of(ids), "filter " + filter);
  }

  @Test
  void filterSupportIsDeclared() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(
            json ->
                json.at("/filter/supported").isBoolean()
                    && json.at("/filter/maxResults").isIntegralNumber(),
            "filter.supported (boolean) and filter.maxResults (integer), RFC 7643 §5");
  }

  @Test
  void eqMatchesUserName() {
    scim.require(Feature.FILTER);
    assertThat(
            get(
                ScimHttp.query(
                    "/Users",
                    "filter",
                    "userName eq \"" + annaUser.path("userName").asText() + "\"")))
        .listResponse()
        .resourcesExactly(Set.of(anna), "exactly anna")
        .number("/totalResults", 1);
  }

  @Test
  void eqOnUserNameIgnoresCase() {
    scim.require(Feature.FILTER);
    final String upper = annaUser.path("userName").asText().toUpperCase(Locale.ROOT);
    assertThat(get(ScimHttp.query("/Users", "filter", "userName eq \"" + upper + "\"")))
        .listResponse()
        .resourcesExactly(Set.of(anna), "anna, since userName is caseExact=false");
  }

  /**
   * Every operator on a caseExact=false attribute (userName, RFC 7643 §4.1.1) with an operand in
   * another case: matching and ordering ignore case. A byte-wise comparison would put the
   * lower-case stored names after every upper-case operand.
   */
  @Test
  void everyOperatorIgnoresCaseOnUserName() {
    scim.require(Feature.FILTER);
    final String upper = prefix.toUpperCase(Locale.ROOT);
    final String domain = scim.target().userDomain().toUpperCase(Locale.ROOT);
    final String annaName = upper + "-ANNA@" + domain;
    final String bobName = upper + "-BOB@" + domain;
    expectAll(
        new String[][] {
          {"userName eq \"" + annaName + "\"", anna},
          {"userName ne \"" + annaName + "\"", bob, carl},
          {"userName co \"-ANNA@\"", anna},
          {"userName sw \"" + upper + "-ANN\"", anna},
          {"userName ew \"-ANNA@" + domain + "\"", anna},
          {"userName gt \"" + bobName + "\"", carl},
          {"userName ge \"" + bobName + "\"", bob, carl},
          {"userName lt \"" + bobName + "\"", anna},
          {"userName le \"" + bobName + "\"", anna, bob},
        },
        "userName is caseExact=false");
  }

  /**
   * Every operator on a caseExact=true attribute (externalId, RFC 7643 §3.1), stored as {@code
   * <prefix>-Ext-A/B/C}: an operand differing only in case matches nothing, and ordering compares
   * the exact characters ("E" sorts before "e").
   */
  @Test
  void everyOperatorRespectsCaseOnExternalId() {
    scim.require(Feature.FILTER);
    final String lowerA = prefix + "-ext-a";
    final String exactB = prefix + "-Ext-B";
    expectAll(
        new String[][] {
          {"externalId eq \"" + lowerA + "\""},
          {"externalId eq \"" + prefix + "-Ext-A\"", anna},
          {"externalId ne \"" + lowerA + "\"", anna, bob, carl},
          {"externalId co \"-ext-\""},
          {"externalId co \"-Ext-\"", anna, bob, carl},
          {"externalId sw \"" + lowerA + "\""},
          {"externalId sw \"" + prefix + "-Ext-A\"", anna},
          {"externalId ew \"-ext-a\""},
          {"externalId ew \"-Ext-A\"", anna},
          {"externalId gt \"" + lowerA + "\""},
          {"externalId lt \"" + lowerA + "\"", anna, bob, carl},
          {"externalId gt \"" + exactB + "\"", carl},
          {"externalId ge \"" + exactB + "\"", bob, carl},
          {"externalId le \"" + exactB + "\"", anna, bob},
        },
        "externalId is caseExact=true");
  }

  /** Runs each {filter, expected ids…} row and fails once, listing every row that did not match. */
  private void expectAll(final String[][] rows, final String rule) {
    final StringBuilder wrong = new StringBuilder();
    for (final String[] row : rows) {
      final Set<String> expected = new TreeSet<>(Arrays.asList(row).subList(1, row.length));
      final Set<String> actual = new TreeSet<>(scoped(row[0]).resourceIds());
      if (!actual.equals(expected)) {
        wrong
            .append("\n  ")
            .append(row[0])
            .append(": expected ")
            .append(names(expected))
            .append(" but got ")
            .append(names(actual));
      }
    }
    if (!wrong.isEmpty()) {
      throw new AssertionFailedError(
          rule + "; users anna, bob, carl (" + prefix + "-…); wrong results:" + wrong);
    }
  }

  private String names(final Set<String> ids) {
    final List<String> names = new ArrayList<>();
    for (final String id : ids) {
      names.add(id.equals(anna) ? "anna" : id.equals(bob) ? "bob" : id.equals(carl) ? "carl" : id);
    }
    return names.toString();
  }

  @Test
  void attributeNamesInFiltersIgnoreCase() {
    scim.require(Feature.FILTER);
    final String name = annaUser.path("userName").asText();
    assertThat(get(ScimHttp.query("/Users", "filter", "USERNAME eq \"" + name + "\"")))
        .listResponse()
        .resourcesExactly(
            Set.of(anna), "anna, attribute names are case-insensitive (RFC 7643 §2.1)");
  }

  @Test
  void eqOnExternalIdRespectsCase() {
    expect("externalId eq \"" + prefix + "-Ext-A\"", anna);
    expect("externalId eq \"" + prefix.toUpperCase(Locale.ROOT) + "-EXT-A\"");
  }

  @Test
  void neExcludesTheValue() {
    expect("displayName ne \"Anna Alpha\"", bob, carl);
  }

  @Test
  void coMatchesSubstringIgnoringCase() {
    expect("displayName co \"ETA\"", bob);
  }

  @Test
  void swMatchesPrefix() {
    expect("userName sw \"" + prefix + "-b\"", bob);
  }

  @Test
  void ewMatchesSuffix() {
    scim.require(Feature.FILTER);
    expect("userName ew \"-carl@" + scim.target().userDomain() + "\"", carl);
  }

  @Test
  void prMatchesPresentAttributes() {
    expect("title pr", anna, bob);
  }

  @Test
  void gtGeLtLeCompareStrings() {
    expect("name.familyName gt \"Alpha\"", bob, carl);
    expect("name.familyName ge \"beta\"", bob, carl);
    expect("name.familyName lt \"Beta\"", anna);
    expect("name.familyName le \"BETA\"", anna, bob);
  }

  @Test
  void booleanEq() {
    expect("active eq false", bob);
  }

  @Test
  void andBindsTighterThanOr() {
    scim.require(Feature.FILTER);
    final String annaName = annaUser.path("userName").asText();
    final String bobName = prefix + "-bob@" + scim.target().userDomain();
    expect(
        "userName eq \"" + annaName + "\" or userName eq \"" + bobName + "\" and active eq true",
        anna);
  }

  @Test
  void parenthesesGroup() {
    scim.require(Feature.FILTER);
    final String annaName = annaUser.path("userName").asText();
    final String bobName = prefix + "-bob@" + scim.target().userDomain();
    expect(
        "(userName eq \"" + annaName + "\" or userName eq \"" + bobName + "\") and active eq false",
        bob);
  }

  @Test
  void notNegates() {
    expect("not (title pr)", carl);
    expect("not (active eq true) or title eq \"Engineer\"", anna, bob);
  }

  @Test
  void complexValueFilterMatchesWithinOneValue() {
    expect("emails[type eq \"work\" and value co \"bob\"]", bob);
    expect("emails[type eq \"home\" and value co \"anna\"]");
  }

  @Test
  void subAttributeOfMultiValuedAttribute() {
    expect("emails.value eq \"anna@work.example\"", anna);
    expect("emails.type eq \"home\"", bob);
  }

  @Test
  void extensionAttributeByFullUrnPath() {
    expect(
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Sales\"", anna);
  }

  @Test
  void metaLastModifiedComparesAsDateTime() {
    scim.require(Feature.FILTER);
    final String annaModified = annaUser.at("/meta/lastModified").asText();
    expect("meta.lastModified gt \"" + annaModified + "\"", bob, carl);
    expect("meta.lastModified ge \"" + annaModified + "\"", anna, bob, carl);
    expect("meta.lastModified gt \"2000-01-01T00:00:00Z\"", anna, bob, carl);
  }

  @Test
  void metaCreatedComparesAsDateTime() {
    scim.require(Feature.FILTER);
    expect("meta.created lt \"" + annaUser.at("/meta/created").asText() + "\"");
  }

  @Test
  void groupsFilterByDisplayName() {
    scim.require(Feature.FILTER);
    final String name = scim.unique("flt-group");
    final String group = scim.createGroup(Scim.groupJson(name)).path("id").asText();
    scim.createGroup();
    assertThat(get(ScimHttp.query("/Groups", "filter", "displayName eq \"" + name + "\"")))
        .listResponse()
        .resourcesExactly(Set.of(group), "exactly the group named " + name);
  }

  @Test
  void noMatchIsAnEmptyListResponse() {
    scim.require(Feature.FILTER);
    assertThat(get(ScimHttp.query("/Users", "filter", "userName eq \"" + prefix + "-nobody\"")))
        .listResponse()
        .number("/totalResults", 0)
        .absent("/Resources");
  }

  @Test
  void malformedFiltersAreInvalidFilter() {
    scim.require(Feature.FILTER);
    for (final String bad :
        new String[] {
          "userName eq",
          "userName zz \"a\"",
          "(userName eq \"a\"",
          "userName eq \"a\" and",
          "userName eq \"unterminated",
          "emails[type eq \"work\""
        }) {
      assertThat(get(ScimHttp.query("/Users", "filter", bad))).error(400, "invalidFilter");
    }
  }

  @Test
  void orderingOperatorsOnBooleansAreInvalidFilter() {
    scim.require(Feature.FILTER);
    assertThat(get(ScimHttp.query("/Users", "filter", "active gt true")))
        .error(400, "invalidFilter");
  }

  @Test
  void undefinedAttributeIsInvalidFilterOrMatchesNothing() {
    scim.require(Feature.FILTER);
    final var response =
        get(ScimHttp.query("/Users", "filter", "noSuchAttribute eq \"" + prefix + "\""));
    if (response.status() == 400) {
      assertThat(response).error(400, "invalidFilter");
    } else {
      assertThat(response).listResponse().number("/totalResults", 0);
    }
  }
}
