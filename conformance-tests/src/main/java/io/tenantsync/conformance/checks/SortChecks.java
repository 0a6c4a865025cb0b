package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sorting (RFC 7644 §3.4.2.3): sortBy, sortOrder, case rules of the sort attribute, and sorting
 * combined with paging. Each check sorts three users of its own (selected by a filter).
 */
@Tag("sort")
public class SortChecks extends ConformanceCheck {

  private String prefix;
  private final List<String> ids = new ArrayList<>(); // userNames -b, -A, -c

  @BeforeEach
  void createThreeUsers() {
    if (!scim.config().supports(Feature.SORT) || !scim.config().supports(Feature.FILTER)) {
      return;
    }
    prefix = "srt" + Scim.random();
    final String[][] people = {{"b", "Zulu"}, {"A", "Mike"}, {"c", "Alpha"}};
    for (final String[] person : people) {
      ids.add(
          scim.createUser(
                  """
                  {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": "%s-%s@%s",
                    "name": {"givenName": "Sort", "familyName": "%s"}
                  }
                  """
                      .formatted(prefix, person[0], scim.target().userDomain(), person[1]))
              .path("id")
              .asText());
    }
  }

  private ResponseAssert sorted(final String... parameters) {
    scim.require(Feature.SORT);
    scim.require(Feature.FILTER);
    final String[] all = new String[parameters.length + 2];
    all[0] = "filter";
    all[1] = "userName sw \"" + prefix + "\"";
    System.arraycopy(parameters, 0, all, 2, parameters.length);
    return assertThat(get(ScimHttp.query("/Users", all))).listResponse();
  }

  private void expectOrder(final ResponseAssert list, final int... order) {
    final List<String> expected = new ArrayList<>();
    for (final int index : order) {
      expected.add(ids.get(index));
    }
    list.satisfies(json -> list.resourceIds().equals(expected), "ids in the order " + expected);
  }

  @Test
  void sortSupportIsDeclared() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(json -> json.at("/sort/supported").isBoolean(), "sort.supported boolean");
  }

  @Test
  void sortByUserNameIsAscendingByDefaultAndIgnoresCase() {
    expectOrder(sorted("sortBy", "userName"), 1, 0, 2);
  }

  @Test
  void sortOrderDescendingReverses() {
    expectOrder(sorted("sortBy", "userName", "sortOrder", "descending"), 2, 0, 1);
  }

  @Test
  void sortOrderAscendingIsExplicitlyAccepted() {
    expectOrder(sorted("sortBy", "userName", "sortOrder", "ascending"), 1, 0, 2);
  }

  @Test
  void sortBySubAttribute() {
    expectOrder(sorted("sortBy", "name.familyName"), 2, 1, 0);
  }

  @Test
  void sortingAppliesBeforePaging() {
    expectOrder(sorted("sortBy", "userName", "startIndex", "2", "count", "1"), 0);
    expectOrder(
        sorted(
            "sortBy",
            "name.familyName",
            "sortOrder",
            "descending",
            "startIndex",
            "3",
            "count",
            "5"),
        2);
  }

  @Test
  void searchRequestBodySorts() {
    scim.require(Feature.SORT);
    scim.require(Feature.FILTER);
    final ResponseAssert list =
        assertThat(
                post(
                    "/Users/.search",
                    """
                    {
                      "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                      "filter": "userName sw \\"%s\\"",
                      "sortBy": "userName",
                      "sortOrder": "descending"
                    }
                    """
                        .formatted(prefix)))
            .listResponse();
    expectOrder(list, 2, 0, 1);
  }
}
