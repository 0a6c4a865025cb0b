package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Querying with POST (RFC 7644 §3.4.3): {@code /.search} per resource type and at the root. */
@Tag("search")
public class SearchChecks extends ConformanceCheck {

  private static String search(final String filter, final String more) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
          "filter": "%s"%s
        }
        """
        .formatted(filter.replace("\"", "\\\""), more);
  }

  @Test
  void searchEndpointAnswersAListResponse() {
    final ScimResponse response =
        post(
            "/Users/.search",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"startIndex":1,"count":1}
            """);
    assertThat(response)
        .listResponse()
        .satisfies(json -> json.path("Resources").size() <= 1, "at most one resource");
  }

  @Test
  void searchPerResourceTypeFindsByFilter() {
    scim.require(Feature.FILTER);
    final String userName = scim.userName("search");
    final String id = scim.createUser(Scim.userJson(userName)).path("id").asText();
    scim.createUser();
    assertThat(post("/Users/.search", search("userName eq \"" + userName + "\"", "")))
        .listResponse()
        .resourcesExactly(Set.of(id), "the one user named " + userName)
        .schemas(Urns.LIST_RESPONSE);
  }

  @Test
  void searchOfGroupsFindsByFilter() {
    scim.require(Feature.FILTER);
    final String name = scim.unique("search-group");
    final String id = scim.createGroup(Scim.groupJson(name)).path("id").asText();
    assertThat(post("/Groups/.search", search("displayName eq \"" + name + "\"", "")))
        .listResponse()
        .resourcesExactly(Set.of(id), "the one group named " + name);
  }

  @Test
  void searchAtTheRootSpansResourceTypes() {
    scim.require(Feature.FILTER);
    final String userName = scim.userName("root-search");
    final String id = scim.createUser(Scim.userJson(userName)).path("id").asText();
    assertThat(post("/.search", search("userName eq \"" + userName + "\"", "")))
        .listResponse()
        .resourcesExactly(Set.of(id), "the user found from the root")
        .satisfies(
            json -> json.at("/Resources/0/schemas").toString().contains(Urns.USER),
            "the found resource to carry its schema, so that clients can tell types apart");
  }

  @Test
  void searchPagesWithStartIndexAndCount() {
    scim.require(Feature.FILTER);
    final String prefix = "srch" + Scim.random();
    for (int i = 0; i < 3; i++) {
      scim.createUser(Scim.userJson(prefix + i + "@" + scim.target().userDomain()));
    }
    assertThat(
            post(
                "/Users/.search",
                search(
                    "userName sw \"" + prefix + "\"", ",\n  \"startIndex\": 2,\n  \"count\": 1")))
        .listResponse()
        .number("/totalResults", 3)
        .number("/startIndex", 2)
        .number("/itemsPerPage", 1);
  }

  @Test
  void searchWithAnInvalidFilterIsInvalidFilter() {
    scim.require(Feature.FILTER);
    assertThat(post("/Users/.search", search("userName eq", ""))).error(400, "invalidFilter");
  }
}
