package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Errors (RFC 7644 §3.12): every error is {@code application/scim+json} with the Error schema,
 * {@code status} as a string, and the {@code scimType} the RFC defines for the case.
 */
@Tag("errors")
public class ErrorChecks extends ConformanceCheck {

  private ScimResponse createUser(final String body) {
    final ScimResponse response = post("/Users", body);
    response.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    return response;
  }

  @Test
  void unknownUserIsAScimNotFoundError() {
    assertThat(get("/Users/" + Scim.random())).error(404, null);
  }

  @Test
  void unknownGroupIsAScimNotFoundError() {
    assertThat(get("/Groups/" + Scim.random())).error(404, null);
  }

  @Test
  void unknownEndpointIsAScimNotFoundError() {
    assertThat(get("/NoSuchResourceType")).error(404, null);
  }

  @Test
  void malformedJsonIsInvalidSyntax() {
    assertThat(createUser("{\"schemas\": [\"" + "urn:ietf:params:scim:schemas:core:2.0:User\"], "))
        .error(400, "invalidSyntax");
  }

  @Test
  void missingRequiredUserNameIsInvalidValue() {
    assertThat(
            createUser(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"displayName":"No Name"}
                """))
        .error(400, "invalidValue");
  }

  @Test
  void wronglyTypedValueIsRejected() {
    final ScimResponse response =
        createUser(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":"perhaps"}
            """
                .formatted(scim.userName("typed")));
    assertThat(response).status(400);
    assertThat(response)
        .satisfies(
            json ->
                json.path("scimType").asText().equals("invalidValue")
                    || json.path("scimType").asText().equals("invalidSyntax"),
            "scimType invalidValue or invalidSyntax");
    assertThat(response).error(400, null);
  }

  @Test
  void duplicateUserNameIsUniquenessConflict() {
    final String userName = scim.userName("dup");
    scim.createUser(Scim.userJson(userName));
    assertThat(createUser(Scim.userJson(userName))).error(409, "uniqueness");
  }

  @Test
  void unknownSchemaUrnInARequestIsInvalidValueOrSyntax() {
    final ScimResponse response =
        createUser(
            """
            {"schemas":["urn:example:not:a:schema"],"userName":"%s"}
            """
                .formatted(scim.userName("schema")));
    assertThat(response).error(400, null);
  }

  @Test
  void errorDetailIsHumanReadable() {
    assertThat(get("/Users/" + Scim.random()))
        .error(404, null)
        .satisfies(
            json -> !json.has("detail") || !json.path("detail").asText().isBlank(),
            "a non-blank detail when present");
  }
}
