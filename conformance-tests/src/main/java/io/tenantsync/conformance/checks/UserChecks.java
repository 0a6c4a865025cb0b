package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Users: create, read, replace, delete and list (RFC 7644 §3.3–§3.6; RFC 7643 §4.1). */
@Tag("users")
public class UserChecks extends ConformanceCheck {

  private String fullUser(final String userName) {
    return """
        {
          "schemas": [
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
          ],
          "userName": "%s",
          "externalId": "%s",
          "name": {"givenName": "Barbara", "familyName": "Jensen", "formatted": "Barbara Jensen"},
          "displayName": "Babs Jensen",
          "title": "Tour Guide",
          "active": true,
          "emails": [
            {"value": "bjensen@work.example", "type": "work", "primary": true},
            {"value": "babs@home.example", "type": "home"}
          ],
          "phoneNumbers": [{"value": "+1 555 0100", "type": "work"}],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "701984",
            "department": "Tour Operations"
          }
        }
        """
        .formatted(userName, Scim.random());
  }

  @Test
  void createReturns201WithLocationIdAndMeta() {
    final String userName = scim.userName("create");
    final ScimResponse created = post("/Users", fullUser(userName));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(created)
        .status(201)
        .scimJson()
        .schemas(Urns.USER)
        .present("/id")
        .textIgnoringCase("/userName", userName)
        .text("/meta/resourceType", "User")
        .present("/meta/created")
        .present("/meta/lastModified")
        .present("/meta/location")
        .header(
            "Location",
            location -> location.equals(created.at("/meta/location").asText()),
            "equal to meta.location (RFC 7644 §3.3)");
    assertThat(created)
        .satisfies(
            json -> json.at("/meta/location").asText().endsWith("/Users/" + created.id()),
            "meta.location to end with /Users/{id}");
  }

  @Test
  void createStoresEveryAttributeSent() {
    final JsonNode created = scim.createUser(fullUser(scim.userName("attrs")));
    final ScimResponse read = get("/Users/" + created.path("id").asText());
    assertThat(read)
        .status(200)
        .scimJson()
        .text("/name/givenName", "Barbara")
        .text("/name/familyName", "Jensen")
        .text("/displayName", "Babs Jensen")
        .text("/title", "Tour Guide")
        .bool("/active", true)
        .text("/externalId", created.path("externalId").asText())
        .satisfies(json -> json.path("emails").size() == 2, "both emails")
        .satisfies(
            json -> hasValue(json.path("emails"), "work", "bjensen@work.example"),
            "the work email bjensen@work.example")
        .text("/" + pointerEscape(Urns.ENTERPRISE_USER) + "/employeeNumber", "701984")
        .text("/" + pointerEscape(Urns.ENTERPRISE_USER) + "/department", "Tour Operations")
        .schemas(Urns.USER, Urns.ENTERPRISE_USER);
  }

  @Test
  void getReturnsTheResourceTheServerCreated() {
    final JsonNode created = scim.createUser();
    final String id = created.path("id").asText();
    assertThat(get("/Users/" + id))
        .status(200)
        .scimJson()
        .schemas(Urns.USER)
        .text("/id", id)
        .text("/userName", created.path("userName").asText())
        .text("/meta/created", created.at("/meta/created").asText());
  }

  @Test
  void clientSuppliedIdAndMetaAreIgnoredOnCreate() {
    final String userName = scim.userName("readonly");
    final JsonNode created =
        scim.createUser(
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id": "client-chosen-id",
              "userName": "%s",
              "meta": {"resourceType": "Group", "created": "2001-01-01T00:00:00Z"}
            }
            """
                .formatted(userName));
    assertThat(get("/Users/" + created.path("id").asText()))
        .status(200)
        .satisfies(json -> !json.path("id").asText().equals("client-chosen-id"), "a server id")
        .text("/meta/resourceType", "User")
        .satisfies(
            json -> !json.at("/meta/created").asText().startsWith("2001"),
            "meta.created set by the server");
  }

  @Test
  void passwordIsAcceptedButNeverReturned() {
    final String userName = scim.userName("pw");
    final ScimResponse created =
        post(
            "/Users",
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "%s",
              "password": "t1meMa$heen-42"
            }
            """
                .formatted(userName));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(created).status(201).absent("/password");
    assertThat(get("/Users/" + created.id())).status(200).absent("/password");
    assertThat(get(ScimHttp.query("/Users/" + created.id(), "attributes", "password")))
        .status(200)
        .absent("/password");
  }

  @Test
  void putReplacesTheResourceAndClearsOmittedAttributes() {
    final JsonNode created = scim.createUser(fullUser(scim.userName("put")));
    final String id = created.path("id").asText();
    final ScimResponse replaced =
        put(
            "/Users/" + id,
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id": "%s",
              "userName": "%s",
              "name": {"givenName": "Barbara", "familyName": "Smith"},
              "active": true
            }
            """
                .formatted(id, created.path("userName").asText()));
    assertThat(replaced).status(200).scimJson().schemas(Urns.USER).text("/id", id);
    assertThat(get("/Users/" + id))
        .status(200)
        .text("/name/familyName", "Smith")
        .absent("/title")
        .absent("/displayName")
        .absent("/phoneNumbers")
        .text("/meta/created", created.at("/meta/created").asText());
  }

  @Test
  void putOfAnUnknownIdIsNotFound() {
    assertThat(put("/Users/" + Scim.random(), Scim.userJson(scim.userName("ghost"))))
        .error(404, null);
  }

  @Test
  void deleteReturns204AndTheUserIsGone() {
    final ScimResponse created = post("/Users", Scim.userJson(scim.userName("delete")));
    assertThat(created).status(201);
    final ScimResponse deleted = delete("/Users/" + created.id());
    assertThat(deleted)
        .status(204)
        .satisfies(json -> deleted.body().isEmpty(), "an empty body with 204");
    assertThat(get("/Users/" + created.id())).error(404, null);
    assertThat(delete("/Users/" + created.id())).error(404, null);
  }

  @Test
  void getOfAnUnknownIdIsNotFound() {
    assertThat(get("/Users/" + Scim.random())).error(404, null);
  }

  @Test
  void listReturnsAListResponseWithPagingFields() {
    scim.createUser();
    assertThat(get("/Users"))
        .listResponse()
        .satisfies(json -> json.path("startIndex").asLong() == 1, "startIndex 1")
        .satisfies(
            json -> json.path("itemsPerPage").asLong() == json.path("Resources").size(),
            "itemsPerPage equal to the number of Resources")
        .satisfies(json -> json.path("totalResults").asLong() >= 1, "totalResults >= 1")
        .satisfies(
            json -> {
              for (final JsonNode user : json.path("Resources")) {
                if (!user.path("id").isTextual() || !user.path("userName").isTextual()) {
                  return false;
                }
              }
              return true;
            },
            "every listed User to carry id and userName");
  }

  @Test
  void userNameIsUniqueRegardlessOfCase() {
    final String userName = scim.userName("unique");
    scim.createUser(Scim.userJson(userName));
    final ScimResponse duplicate = post("/Users", Scim.userJson(userName.toUpperCase(Locale.ROOT)));
    duplicate.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(duplicate).error(409, "uniqueness");
  }

  @Test
  void plainApplicationJsonRequestsAreAccepted() {
    final ScimResponse created =
        scim.http()
            .request("POST", "/Users")
            .contentType("application/json")
            .body(Scim.userJson(scim.userName("json")))
            .send();
    created.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(created).status(201).scimJson();
  }

  @Test
  void inactiveUsersStayReadable() {
    final String userName = scim.userName("inactive");
    final JsonNode created =
        scim.createUser(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":false}
            """
                .formatted(userName));
    assertThat(get("/Users/" + created.path("id").asText())).status(200).bool("/active", false);
  }

  @Test
  void changePasswordIsAcceptedWhenAdvertised() {
    scim.require(Feature.CHANGE_PASSWORD);
    scim.require(Feature.PATCH);
    final String id = scim.createUser().path("id").asText();
    final ScimResponse changed =
        patch(
            "/Users/" + id,
            patchOps("{\"op\":\"replace\",\"path\":\"password\",\"value\":\"N3w-Secret-Pw!\"}"));
    assertThat(changed).status(200, 204).absent("/password");
  }

  static boolean hasValue(final JsonNode multi, final String type, final String value) {
    for (final JsonNode item : multi) {
      if (item.path("type").asText().equals(type) && item.path("value").asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** RFC 6901: a URN key inside a JSON Pointer ({@code ~} and {@code /} escaped). */
  static String pointerEscape(final String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
