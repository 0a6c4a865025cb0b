package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Authentication (RFC 7644 §2, RFC 6750) and hostile input: what a server facing the internet must
 * refuse, without revealing anything or falling over.
 */
@Tag("security")
public class SecurityChecks extends ConformanceCheck {

  private static ResponseAssert unauthorized(final ScimResponse response) {
    return assertThat(response)
        .status(401)
        .header(
            "WWW-Authenticate",
            value -> value.toLowerCase(Locale.ROOT).startsWith("bearer"),
            "to challenge with Bearer (RFC 6750 §3)");
  }

  @Test
  void missingTokenIsUnauthorizedWithABearerChallenge() {
    for (final String path : new String[] {"/Users", "/Groups", "/Users/" + Scim.random()}) {
      unauthorized(scim.http().request("GET", path).withoutToken().send());
    }
  }

  @Test
  void missingTokenOnWritesIsUnauthorized() {
    final String userName = scim.userName("anon");
    final ScimResponse response =
        scim.http().request("POST", "/Users").withoutToken().body(Scim.userJson(userName)).send();
    response.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    unauthorized(response);
  }

  @Test
  void unauthorizedIsAScimError() {
    unauthorized(scim.http().request("GET", "/Users").withoutToken().send()).error(401, null);
  }

  @Test
  void invalidTokenIsUnauthorized() {
    unauthorized(scim.http().withToken("not-a-valid-token-" + Scim.random()).get("/Users"));
  }

  @Test
  void otherAuthorizationSchemesAreUnauthorized() {
    unauthorized(
        scim.http()
            .request("GET", "/Users")
            .withoutToken()
            .header("Authorization", "Basic YWRtaW46YWRtaW4=")
            .send());
  }

  @Test
  void filterInjectionMatchesNothing() {
    scim.require(Feature.FILTER);
    scim.createUser();
    for (final String value :
        new String[] {"x\\\" or \\\"1\\\" eq \\\"1", "' OR '1'='1", "%' OR 1=1 --", "*"}) {
      final ScimResponse response =
          get(ScimHttp.query("/Users", "filter", "userName eq \"" + value + "\""));
      if (response.status() == 400) {
        assertThat(response).error(400, "invalidFilter");
      } else {
        assertThat(response).listResponse().number("/totalResults", 0);
      }
    }
  }

  @Test
  void deeplyNestedFilterIsRefusedNotCrashed() {
    scim.require(Feature.FILTER);
    final String shallow = "(".repeat(200) + "userName eq \"a\"" + ")".repeat(200);
    final String deep = "(".repeat(20_000) + "userName eq \\\"a\\\"" + ")".repeat(20_000);
    for (final ScimResponse response :
        new ScimResponse[] {
          get(ScimHttp.query("/Users", "filter", shallow)),
          post(
              "/Users/.search",
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                  + "\"filter\":\""
                  + deep
                  + "\"}")
        }) {
      assertThat(response)
          .satisfies(
              json -> response.status() < 500,
              "a refusal (400 invalidFilter, 413, 414) or a result, never a 5xx");
      if (response.status() == 400) {
        assertThat(response).error(400, "invalidFilter");
      }
    }
  }

  @Test
  void oversizedPayloadIsRefusedNotCrashed() {
    final String huge = "x".repeat(20 * 1024 * 1024);
    final ScimResponse response;
    try {
      response =
          post(
              "/Users",
              """
              {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"%s"}
              """
                  .formatted(scim.userName("huge"), huge));
    } catch (final java.io.UncheckedIOException e) {
      // The server cut the upload short: a refusal too, provided it is still serving.
      assertThat(get("/Users?count=1")).listResponse();
      return;
    }
    response.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(response).status(413, 400);
    assertThat(get("/Users?count=1")).listResponse();
  }

  @Test
  void pathTraversalInAnIdIsNotFound() {
    for (final String id : new String[] {"..%2F..%2FServiceProviderConfig", "%27%20OR%201%3D1"}) {
      assertThat(get("/Users/" + id)).status(404, 400);
    }
  }

  @Test
  void errorsRevealNoStackTraces() {
    final ScimResponse response = post("/Users", "{\"schemas\": 42, \"userName\": [}");
    assertThat(response)
        .status(400)
        .satisfies(
            json ->
                !response.body().contains("Exception")
                    && !response.body().contains("\tat ")
                    && !response.body().contains(".java:"),
            "no exception class names or stack frames in the error body");
  }
}
