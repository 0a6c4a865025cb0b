package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;
import static io.tenantsync.conformance.checks.UserChecks.pointerEscape;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Partial representations (RFC 7644 §3.9, §3.4.2.5): {@code attributes} and {@code
 * excludedAttributes} on get, list, .search and on the responses of POST, PUT and PATCH; {@code
 * returned: always} attributes survive, {@code returned: never} ones never appear.
 */
@Tag("projection")
public class ProjectionChecks extends ConformanceCheck {

  private static final String ENTERPRISE = "/" + pointerEscape(Urns.ENTERPRISE_USER);

  private String id;
  private String userName;

  private String body(final String name) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "userName": "%s",
          "name": {"givenName": "Pro", "familyName": "Jection"},
          "displayName": "Pro Jection",
          "emails": [{"value": "pro@projection.example", "type": "work"}],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Optics"}
        }
        """
        .formatted(name);
  }

  @BeforeEach
  void createUser() {
    userName = scim.userName("proj");
    id = scim.createUser(body(userName)).path("id").asText();
  }

  /** Only the asked-for attribute plus id and schemas (returned=always). */
  private static ResponseAssert onlyUserName(final ResponseAssert user) {
    return user.present("/id")
        .present("/schemas")
        .present("/userName")
        .absent("/name")
        .absent("/displayName")
        .absent("/emails");
  }

  @Test
  void attributesOnGetReturnsOnlyThoseAndAlwaysReturnedOnes() {
    onlyUserName(
        assertThat(get(ScimHttp.query("/Users/" + id, "attributes", "userName"))).status(200));
  }

  @Test
  void excludedAttributesOnGetOmitsThem() {
    assertThat(get(ScimHttp.query("/Users/" + id, "excludedAttributes", "emails,displayName")))
        .status(200)
        .absent("/emails")
        .absent("/displayName")
        .text("/name/givenName", "Pro")
        .present("/userName");
  }

  @Test
  void idCannotBeExcluded() {
    assertThat(get(ScimHttp.query("/Users/" + id, "excludedAttributes", "id")))
        .status(200)
        .text("/id", id);
  }

  @Test
  void subAttributeProjection() {
    assertThat(get(ScimHttp.query("/Users/" + id, "attributes", "name.givenName")))
        .status(200)
        .text("/name/givenName", "Pro")
        .absent("/name/familyName")
        .absent("/displayName");
  }

  @Test
  void extensionAttributeProjectionByUrn() {
    assertThat(
            get(ScimHttp.query("/Users/" + id, "attributes", Urns.ENTERPRISE_USER + ":department")))
        .status(200)
        .text(ENTERPRISE + "/department", "Optics")
        .absent("/displayName");
  }

  @Test
  void attributesOnListProjectsEveryResource() {
    final ResponseAssert list =
        assertThat(get(ScimHttp.query("/Users", "attributes", "userName", "count", "5")))
            .listResponse();
    list.satisfies(
        json -> {
          for (final var user : json.path("Resources")) {
            if (user.has("name") || user.has("emails") || !user.has("id")) {
              return false;
            }
          }
          return json.path("Resources").size() > 0;
        },
        "each listed user to carry id and userName only");
  }

  @Test
  void attributesInSearchRequestProject() {
    scim.require(Feature.FILTER);
    final ResponseAssert list =
        assertThat(
                post(
                    "/Users/.search",
                    """
                    {
                      "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                      "filter": "userName eq \\"%s\\"",
                      "attributes": ["userName"]
                    }
                    """
                        .formatted(userName)))
            .listResponse()
            .number("/totalResults", 1);
    list.satisfies(
        json -> !json.at("/Resources/0").has("name") && json.at("/Resources/0").has("userName"),
        "the found user projected to userName");
  }

  @Test
  void excludedAttributesInSearchRequestProject() {
    scim.require(Feature.FILTER);
    assertThat(
            post(
                "/Users/.search",
                """
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                  "filter": "userName eq \\"%s\\"",
                  "excludedAttributes": ["emails"]
                }
                """
                    .formatted(userName)))
        .listResponse()
        .number("/totalResults", 1)
        .absent("/Resources/0/emails")
        .present("/Resources/0/name");
  }

  @Test
  void attributesOnPostProjectTheCreatedResource() {
    final ScimResponse created =
        post(ScimHttp.query("/Users", "attributes", "userName"), body(scim.userName("proj-post")));
    created.text("/id").ifPresent(other -> scim.deleteLater("/Users/" + other));
    onlyUserName(assertThat(created).status(201));
  }

  @Test
  void attributesOnPutProjectTheReplacedResource() {
    onlyUserName(
        assertThat(put(ScimHttp.query("/Users/" + id, "attributes", "userName"), body(userName)))
            .status(200));
  }

  @Test
  void attributesOnPatchProjectTheResponseWhenOneIsReturned() {
    scim.require(Feature.PATCH);
    final ScimResponse patched =
        patch(
            ScimHttp.query("/Users/" + id, "attributes", "userName"),
            patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Projected\"}"));
    assertThat(patched).status(200, 204);
    if (patched.status() == 200) {
      onlyUserName(assertThat(patched));
    }
    assertThat(get("/Users/" + id)).status(200).text("/displayName", "Projected");
  }

  /**
   * {@code excludedAttributes} on the responses of POST, PUT and PATCH: the named attributes are
   * left out of the response only; a GET afterwards still shows them stored.
   */
  @Test
  void excludedAttributesOnWritesOmitThemFromTheResponseOnly() {
    final ScimResponse created =
        post(
            ScimHttp.query("/Users", "excludedAttributes", "name,emails"),
            body(scim.userName("proj-xpost")));
    created.text("/id").ifPresent(other -> scim.deleteLater("/Users/" + other));
    assertThat(created)
        .status(201)
        .present("/id")
        .present("/userName")
        .text("/displayName", "Pro Jection")
        .absent("/name")
        .absent("/emails");
    assertThat(get("/Users/" + created.id()))
        .status(200)
        .text("/name/givenName", "Pro")
        .present("/emails/0/value");
    assertThat(
            put(
                ScimHttp.query("/Users/" + id, "excludedAttributes", "name,emails"),
                body(userName)))
        .status(200)
        .present("/id")
        .present("/userName")
        .absent("/name")
        .absent("/emails");
    assertThat(get("/Users/" + id)).status(200).text("/name/familyName", "Jection");
    if (scim.config().supports(Feature.PATCH)) {
      final ScimResponse patched =
          patch(
              ScimHttp.query("/Users/" + id, "excludedAttributes", "name,emails"),
              patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ex\"}"));
      assertThat(patched).status(200, 204);
      if (patched.status() == 200) {
        assertThat(patched).text("/displayName", "Ex").absent("/name").absent("/emails");
      }
      assertThat(get("/Users/" + id)).status(200).text("/displayName", "Ex").present("/name");
    }
  }

  @Test
  void excludedAttributesOnGroupsDropsMembers() {
    final String member = id;
    final String group =
        scim.createGroup(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[{"value":"%s"}]}
                """
                    .formatted(scim.unique("proj"), member))
            .path("id")
            .asText();
    assertThat(get(ScimHttp.query("/Groups/" + group, "excludedAttributes", "members")))
        .status(200)
        .absent("/members")
        .present("/displayName");
  }
}
