package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Discovery (RFC 7644 §4, RFC 7643 §5–§7): ServiceProviderConfig, ResourceTypes and Schemas, and
 * whether what they advertise is what the server does.
 */
@Tag("discovery")
public class DiscoveryChecks extends ConformanceCheck {

  private static final Set<String> MUTABILITY =
      Set.of("readOnly", "readWrite", "immutable", "writeOnly");
  private static final Set<String> RETURNED = Set.of("always", "never", "default", "request");
  private static final Set<String> UNIQUENESS = Set.of("none", "server", "global");

  @Test
  void serviceProviderConfigIsScimJsonWithItsSchema() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .scimJson()
        .schemas(Urns.SERVICE_PROVIDER_CONFIG);
  }

  @Test
  void serviceProviderConfigDeclaresEveryRequiredFeatureAttribute() {
    final ResponseAssert config = assertThat(get("/ServiceProviderConfig")).status(200);
    for (final String flag :
        List.of(
            "/patch/supported",
            "/bulk/supported",
            "/filter/supported",
            "/changePassword/supported",
            "/sort/supported",
            "/etag/supported")) {
      config.satisfies(json -> json.at(flag).isBoolean(), flag + " to be a boolean (RFC 7643 §5)");
    }
    for (final String limit :
        List.of("/bulk/maxOperations", "/bulk/maxPayloadSize", "/filter/maxResults")) {
      config.satisfies(
          json -> json.at(limit).isIntegralNumber(), limit + " to be an integer (RFC 7643 §5)");
    }
    config.satisfies(
        json -> json.path("authenticationSchemes").isArray(),
        "authenticationSchemes to be an array (RFC 7643 §5)");
  }

  @Test
  void authenticationSchemesAdvertiseTheBearerTokenInUse() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(
            json -> {
              for (final JsonNode scheme : json.path("authenticationSchemes")) {
                if (scheme.path("type").asText().equals("oauthbearertoken")
                    && scheme.path("name").isTextual()
                    && scheme.path("description").isTextual()) {
                  return true;
                }
              }
              return false;
            },
            "an authenticationSchemes entry of type \"oauthbearertoken\" with name and"
                + " description, since the suite authenticates with a bearer token");
  }

  @Test
  void resourceTypesListUserAndGroupWithTheirEndpointsAndSchemas() {
    final ResponseAssert list = assertThat(get("/ResourceTypes")).listResponse();
    final JsonNode user = resourceNamed(list, "User");
    final JsonNode group = resourceNamed(list, "Group");
    if (!user.path("endpoint").asText().equals("/Users")
        || !user.path("schema").asText().equals(Urns.USER)) {
      throw list.failure("expected ResourceType User with endpoint /Users and schema " + Urns.USER);
    }
    if (!group.path("endpoint").asText().equals("/Groups")
        || !group.path("schema").asText().equals(Urns.GROUP)) {
      throw list.failure(
          "expected ResourceType Group with endpoint /Groups and schema " + Urns.GROUP);
    }
    for (final JsonNode type : list.json().path("Resources")) {
      list.satisfies(
          json -> hasText(type.path("schemas"), Urns.RESOURCE_TYPE),
          "every ResourceType to carry the schema " + Urns.RESOURCE_TYPE + ": " + type);
      for (final JsonNode extension : type.path("schemaExtensions")) {
        list.satisfies(
            json -> extension.path("schema").isTextual() && extension.path("required").isBoolean(),
            "every schemaExtension to have a \"schema\" string and a \"required\" boolean: "
                + extension);
      }
    }
  }

  @Test
  void resourceTypeIsReadableByItsName() {
    assertThat(get("/ResourceTypes/User"))
        .status(200)
        .scimJson()
        .schemas(Urns.RESOURCE_TYPE)
        .text("/name", "User")
        .text("/endpoint", "/Users");
  }

  @Test
  void schemasListTheCoreUserAndGroupSchemas() {
    final ResponseAssert list = assertThat(get("/Schemas")).listResponse();
    final Set<String> ids = new HashSet<>(list.resourceValues("/id"));
    list.satisfies(
        json -> ids.contains(Urns.USER) && ids.contains(Urns.GROUP),
        "/Schemas to list " + Urns.USER + " and " + Urns.GROUP);
  }

  @Test
  void userSchemaDescribesUserNameAsRequiredCaseInsensitiveAndServerUnique() {
    final ResponseAssert schema =
        assertThat(get("/Schemas/" + Urns.USER)).status(200).scimJson().schemas(Urns.SCHEMA);
    final JsonNode userName = attribute(schema.json(), "userName");
    schema.satisfies(
        json ->
            userName.path("type").asText().equals("string")
                && userName.path("required").asBoolean(false)
                && !userName.path("caseExact").asBoolean(true)
                && userName.path("uniqueness").asText().equals("server"),
        "userName: type string, required true, caseExact false, uniqueness server (RFC 7643 §4.1.1"
            + " and §8.7.1); was "
            + userName);
  }

  @Test
  void everyAttributeDefinitionStatesItsCharacteristics() {
    final ResponseAssert list = assertThat(get("/Schemas")).listResponse();
    final List<String> problems = new ArrayList<>();
    for (final JsonNode schema : list.json().path("Resources")) {
      collectProblems(schema.path("id").asText(), schema.path("attributes"), problems);
    }
    list.satisfies(
        json -> problems.isEmpty(),
        "every attribute to have name, type, multiValued and valid mutability/returned/uniqueness"
            + " (RFC 7643 §7): "
            + problems);
  }

  @Test
  void everyResourceTypeSchemaIsPublishedUnderSchemas() {
    final ResponseAssert types = assertThat(get("/ResourceTypes")).listResponse();
    final Set<String> published =
        new HashSet<>(assertThat(get("/Schemas")).listResponse().resourceValues("/id"));
    for (final JsonNode type : types.json().path("Resources")) {
      final List<String> needed = new ArrayList<>();
      needed.add(type.path("schema").asText());
      type.path("schemaExtensions").forEach(e -> needed.add(e.path("schema").asText()));
      types.satisfies(
          json -> published.containsAll(needed),
          "the schemas "
              + needed
              + " of ResourceType "
              + type.path("name")
              + " under /Schemas "
              + published);
    }
  }

  @Test
  void everyResourceTypeEndpointAnswersAListResponse() {
    final ResponseAssert types = assertThat(get("/ResourceTypes")).listResponse();
    types.satisfies(json -> json.path("Resources").size() > 0, "at least one ResourceType");
    for (final JsonNode type : types.json().path("Resources")) {
      assertThat(get(ScimHttp.query(type.path("endpoint").asText(), "count", "1"))).listResponse();
    }
  }

  @Test
  void unknownSchemaIsNotFound() {
    assertThat(get("/Schemas/urn:example:no:such:schema")).error(404, null);
  }

  /**
   * {@code filter.maxResults} (RFC 7643 §5): with more resources than that, one response holds at
   * most that many (or the request is refused with 400 {@code tooMany}, RFC 7644 §3.12). Up to 200
   * users are created one by one; a larger limit is probed on Groups created through {@code /Bulk}
   * (when advertised; at most 5,000, removed the same way), since Groups are the cheaper population
   * where users are provisioned onwards; otherwise the check is skipped.
   */
  @Test
  void advertisedFilterMaxResultsIsEnforced() {
    final OptionalLong maxResults = scim.config().filterMaxResults();
    Assumptions.assumeTrue(maxResults.isPresent(), "no filter.maxResults advertised");
    final long max = maxResults.getAsLong();
    final String endpoint = max <= 200 ? "/Users" : "/Groups";
    final long existing =
        assertThat(get(endpoint + "?count=0")).listResponse().json().path("totalResults").asLong();
    final long missing = Math.max(0, max + 1 - existing);
    if (max <= 200) {
      for (long i = 0; i < missing; i++) {
        scim.createUser();
      }
    } else {
      Assumptions.assumeTrue(
          scim.config().supports(Feature.BULK) && max <= 5_000,
          "filter.maxResults = " + max + " too large to probe without /Bulk");
      new BulkPopulation(scim, endpoint).create(missing);
    }
    final ScimResponse page = get(endpoint + "?startIndex=1&count=" + (max + 1));
    if (page.status() == 400) {
      assertThat(page).error(400, "tooMany");
      return;
    }
    assertThat(page)
        .listResponse()
        .satisfies(
            json -> json.path("totalResults").asLong() > max, "more than " + max + " resources")
        .satisfies(
            json ->
                json.path("Resources").size() <= max && json.path("itemsPerPage").asLong() <= max,
            "at most filter.maxResults = " + max + " resources in one response");
  }

  private static JsonNode resourceNamed(final ResponseAssert list, final String name) {
    for (final JsonNode resource : list.json().path("Resources")) {
      if (resource.path("name").asText().equals(name)
          || resource.path("id").asText().equals(name)) {
        return resource;
      }
    }
    throw list.failure("expected a ResourceType named " + name);
  }

  private static JsonNode attribute(final JsonNode schema, final String name) {
    for (final JsonNode attribute : schema.path("attributes")) {
      if (attribute.path("name").asText().equalsIgnoreCase(name)) {
        return attribute;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static boolean hasText(final JsonNode array, final String value) {
    for (final JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void collectProblems(
      final String where, final JsonNode attributes, final List<String> problems) {
    for (final JsonNode attribute : attributes) {
      final String path = where + ":" + attribute.path("name").asText("?");
      if (!attribute.path("name").isTextual()
          || !attribute.path("type").isTextual()
          || !attribute.path("multiValued").isBoolean()) {
        problems.add(path + " lacks name/type/multiValued");
      }
      checkCanonical(attribute, "mutability", MUTABILITY, path, problems);
      checkCanonical(attribute, "returned", RETURNED, path, problems);
      checkCanonical(attribute, "uniqueness", UNIQUENESS, path, problems);
      collectProblems(path, attribute.path("subAttributes"), problems);
    }
  }

  private static void checkCanonical(
      final JsonNode attribute,
      final String field,
      final Set<String> allowed,
      final String path,
      final List<String> problems) {
    final JsonNode value = attribute.path(field);
    if (!value.isMissingNode() && !allowed.contains(value.asText())) {
      problems.add(path + " has " + field + " \"" + value.asText() + "\"");
    }
  }
}
