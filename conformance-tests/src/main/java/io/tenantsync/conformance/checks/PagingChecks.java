package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Paging: index paging (RFC 7644 §3.4.2.4) with its clamping rules, and cursor paging (RFC 9865)
 * when the ServiceProviderConfig advertises {@code pagination.cursor}.
 */
@Tag("paging")
public class PagingChecks extends ConformanceCheck {

  private static final int USERS = 5;

  /** Creates five users under a fresh prefix and returns the filter selecting them. */
  private String fiveUsers(final Set<String> ids) {
    final String prefix = "pg" + Scim.random();
    for (int i = 0; i < USERS; i++) {
      ids.add(
          scim.createUser(Scim.userJson(prefix + "-" + i + "@" + scim.target().userDomain()))
              .path("id")
              .asText());
    }
    return "userName sw \"" + prefix + "\"";
  }

  @Test
  void startIndexAndCountSelectAPage() {
    scim.createUser();
    scim.createUser();
    assertThat(get("/Users?startIndex=1&count=1"))
        .listResponse()
        .number("/startIndex", 1)
        .number("/itemsPerPage", 1)
        .satisfies(json -> json.path("Resources").size() == 1, "one resource")
        .satisfies(json -> json.path("totalResults").asLong() >= 2, "totalResults >= 2");
  }

  @Test
  void countZeroReturnsOnlyTotalResults() {
    scim.createUser();
    assertThat(get("/Users?count=0"))
        .listResponse()
        .satisfies(json -> json.path("totalResults").asLong() >= 1, "totalResults >= 1")
        .absent("/Resources");
  }

  @Test
  void negativeCountIsTreatedAsZero() {
    scim.createUser();
    assertThat(get("/Users?count=-3"))
        .listResponse()
        .satisfies(json -> json.path("totalResults").asLong() >= 1, "totalResults >= 1")
        .absent("/Resources");
  }

  @Test
  void startIndexBelowOneIsTreatedAsOne() {
    scim.createUser();
    for (final String startIndex : List.of("0", "-7")) {
      assertThat(get("/Users?count=1&startIndex=" + startIndex))
          .listResponse()
          .number("/startIndex", 1)
          .satisfies(json -> json.path("Resources").size() == 1, "the first resource");
    }
  }

  @Test
  void startIndexBeyondTheEndGivesAnEmptyPage() {
    scim.createUser();
    final long total =
        assertThat(get("/Users?count=0")).listResponse().json().path("totalResults").asLong();
    assertThat(get("/Users?count=10&startIndex=" + (total + 10)))
        .listResponse()
        .number("/totalResults", total)
        .absent("/Resources");
  }

  @Test
  void indexPagesAreDisjointAndCoverTheResult() {
    scim.require(Feature.FILTER);
    final Set<String> ids = new HashSet<>();
    final String filter = fiveUsers(ids);
    final List<String> seen = new ArrayList<>();
    for (int start = 1; start <= USERS; start += 2) {
      final ResponseAssert page =
          assertThat(
                  get(
                      ScimHttp.query(
                          "/Users",
                          "filter",
                          filter,
                          "startIndex",
                          Integer.toString(start),
                          "count",
                          "2")))
              .listResponse()
              .number("/totalResults", USERS)
              .number("/startIndex", start);
      seen.addAll(page.resourceIds());
    }
    assertThat(get(ScimHttp.query("/Users", "filter", filter)))
        .satisfies(
            json -> seen.size() == USERS && new HashSet<>(seen).equals(ids),
            "pages of 2 to return each of the " + USERS + " users once, got " + seen);
  }

  @Test
  void advertisedMaxPageSizeIsEnforced() {
    final OptionalLong max = scim.config().maxPageSize();
    Assumptions.assumeTrue(max.isPresent(), "no pagination.maxPageSize advertised");
    assertThat(get("/Users?count=" + (max.getAsLong() + 1)))
        .listResponse()
        .satisfies(
            json -> json.path("Resources").size() <= max.getAsLong(),
            "at most pagination.maxPageSize = " + max.getAsLong() + " resources");
  }

  @Test
  void cursorPagingWalksEveryResourceOnce() {
    scim.require(Feature.CURSOR_PAGINATION);
    scim.require(Feature.FILTER);
    final Set<String> ids = new HashSet<>();
    final String filter = fiveUsers(ids);
    final List<String> seen = new ArrayList<>();
    String cursor = "";
    for (int page = 0; page < USERS + 2; page++) {
      final ScimResponse response =
          get(ScimHttp.query("/Users", "filter", filter, "count", "2", "cursor", cursor));
      final ResponseAssert list = assertThat(response).listResponse();
      seen.addAll(list.resourceIds());
      list.satisfies(json -> json.path("Resources").size() <= 2, "at most 2 per page");
      final JsonNode next = response.at("/nextCursor");
      if (next.isMissingNode() || next.isNull()) {
        break;
      }
      list.satisfies(json -> next.isTextual() && !next.asText().isEmpty(), "a string nextCursor");
      cursor = next.asText();
    }
    assertThat(get(ScimHttp.query("/Users", "filter", filter)))
        .satisfies(
            json -> seen.size() == USERS && new HashSet<>(seen).equals(ids),
            "cursor pages to return each of the " + USERS + " users once, got " + seen);
  }

  @Test
  void firstCursorPageHasNextCursorAndNoStartIndexPaging() {
    scim.require(Feature.CURSOR_PAGINATION);
    scim.require(Feature.FILTER);
    final String filter = fiveUsers(new HashSet<>());
    assertThat(get(ScimHttp.query("/Users", "filter", filter, "count", "2", "cursor", "")))
        .listResponse()
        .present("/nextCursor")
        .satisfies(json -> json.path("Resources").size() == 2, "two resources")
        .absent("/previousCursor");
  }

  @Test
  void invalidCursorIsInvalidCursor() {
    scim.require(Feature.CURSOR_PAGINATION);
    assertThat(
            get(ScimHttp.query("/Users", "count", "2", "cursor", "not-a-cursor-" + Scim.random())))
        .error(400, "invalidCursor");
  }
}
