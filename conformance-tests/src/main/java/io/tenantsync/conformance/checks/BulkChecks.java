package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk (RFC 7644 §3.7): one status per operation, bulkId references (also forward ones),
 * failOnErrors, and the advertised maxOperations / maxPayloadSize enforced with 413.
 */
@Tag("bulk")
public class BulkChecks extends ConformanceCheck {

  private ScimResponse bulk(final String operations, final String failOnErrors) {
    final ScimResponse response =
        post(
            "/Bulk",
            """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],%s
              "Operations": [%s]
            }
            """
                .formatted(failOnErrors, operations));
    // Whatever was created is removed again after the check.
    response.node().path("Operations").forEach(this::cleanUp);
    return response;
  }

  private void cleanUp(final JsonNode result) {
    final String location = result.path("location").asText("");
    final int at = Math.max(location.lastIndexOf("/Users/"), location.lastIndexOf("/Groups/"));
    if (result.path("method").asText().equals("POST") && at >= 0) {
      scim.deleteLater(location.substring(at));
    }
  }

  private String createUserOp(final String bulkId, final String userName) {
    return """
        {"method": "POST", "path": "/Users", "bulkId": "%s",
         "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}}"""
        .formatted(bulkId, userName);
  }

  private static JsonNode result(final ResponseAssert response, final String bulkId) {
    for (final JsonNode operation : response.json().path("Operations")) {
      if (operation.path("bulkId").asText().equals(bulkId)) {
        return operation;
      }
    }
    throw response.failure("expected a result for bulkId " + bulkId);
  }

  private static String idOf(final JsonNode result) {
    final String location = result.path("location").asText();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void bulkSupportAndLimitsAreDeclared() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(
            json ->
                json.at("/bulk/supported").isBoolean()
                    && json.at("/bulk/maxOperations").isIntegralNumber()
                    && json.at("/bulk/maxPayloadSize").isIntegralNumber(),
            "bulk.supported, bulk.maxOperations and bulk.maxPayloadSize (RFC 7643 §5)");
  }

  @Test
  void eachOperationGetsItsOwnStatusAndLocation() {
    scim.require(Feature.BULK);
    final ResponseAssert response =
        assertThat(
                bulk(
                    createUserOp("a", scim.userName("bulk-a"))
                        + ","
                        + createUserOp("b", scim.userName("bulk-b")),
                    ""))
            .status(200)
            .scimJson()
            .schemas(Urns.BULK_RESPONSE);
    for (final String bulkId : new String[] {"a", "b"}) {
      final JsonNode result = result(response, bulkId);
      response.satisfies(
          json ->
              result.path("status").asText().equals("201")
                  && result.path("method").asText().equals("POST")
                  && result.path("location").asText().contains("/Users/"),
          "operation " + bulkId + " to report method POST, status \"201\" and a location");
      assertThat(get("/Users/" + idOf(result))).status(200);
    }
  }

  @Test
  void bulkIdReferencesResolveToCreatedResources() {
    scim.require(Feature.BULK);
    final ResponseAssert response =
        assertThat(
                bulk(
                    createUserOp("user1", scim.userName("bulk-ref"))
                        + ",\n"
                        + """
                        {"method": "POST", "path": "/Groups", "bulkId": "group1",
                         "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                                  "displayName": "%s", "members": [{"value": "bulkId:user1"}]}}"""
                            .formatted(scim.unique("bulk-group")),
                    ""))
            .status(200);
    final String user = idOf(result(response, "user1"));
    final String group = idOf(result(response, "group1"));
    assertThat(get("/Groups/" + group))
        .status(200)
        .satisfies(
            json -> GroupChecks.memberIds(json).equals(Set.of(user)),
            "the group to have the user created as bulkId:user1 (id " + user + ")");
  }

  @Test
  void forwardBulkIdReferencesResolve() {
    scim.require(Feature.BULK);
    final ResponseAssert response =
        assertThat(
                bulk(
                    """
                    {"method": "POST", "path": "/Groups", "bulkId": "g",
                     "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                              "displayName": "%s", "members": [{"value": "bulkId:later"}]}},
                    """
                            .formatted(scim.unique("bulk-forward"))
                        + createUserOp("later", scim.userName("bulk-later")),
                    ""))
            .status(200);
    final String user = idOf(result(response, "later"));
    assertThat(get("/Groups/" + idOf(result(response, "g"))))
        .status(200)
        .satisfies(
            json -> GroupChecks.memberIds(json).equals(Set.of(user)),
            "the group to have the user defined after it (RFC 7644 §3.7.2)");
  }

  @Test
  void aFailingOperationDoesNotStopTheOthersWithoutFailOnErrors() {
    scim.require(Feature.BULK);
    final ResponseAssert response =
        assertThat(
                bulk(
                    """
                    {"method": "POST", "path": "/Users", "bulkId": "bad",
                     "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}},
                    """
                        + createUserOp("good", scim.userName("bulk-good")),
                    ""))
            .status(200);
    final JsonNode bad = result(response, "bad");
    response.satisfies(
        json ->
            bad.path("status").asText().equals("400")
                && bad.at("/response/schemas").toString().contains(Urns.ERROR),
        "the user without userName to fail with status \"400\" and a SCIM error response");
    response.satisfies(
        json -> result(response, "good").path("status").asText().equals("201"),
        "the valid user to be created anyway");
  }

  @Test
  void failOnErrorsStopsProcessing() {
    scim.require(Feature.BULK);
    final String skipped = scim.userName("bulk-skipped");
    final ScimResponse response =
        bulk(
            """
            {"method": "POST", "path": "/Users", "bulkId": "bad",
             "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}},
            """
                + createUserOp("after", skipped),
            "\n  \"failOnErrors\": 1,");
    assertThat(response)
        .status(200)
        .satisfies(
            json -> json.path("Operations").size() == 1,
            "only the failed operation reported once failOnErrors=1 is reached");
    assertThat(get(ScimHttp.query("/Users", "filter", "userName eq \"" + skipped + "\"")))
        .listResponse()
        .number("/totalResults", 0);
  }

  @Test
  void deleteAndPatchInBulk() {
    scim.require(Feature.BULK);
    final String doomed = scim.createUser().path("id").asText();
    final String changed = scim.createUser().path("id").asText();
    final ResponseAssert response =
        assertThat(
                bulk(
                    """
                    {"method": "DELETE", "path": "/Users/%s", "bulkId": "d"},
                    {"method": "PATCH", "path": "/Users/%s", "bulkId": "p",
                     "data": {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                              "Operations": [{"op": "replace", "path": "displayName", "value": "Bulk Patched"}]}}"""
                        .formatted(doomed, changed),
                    ""))
            .status(200);
    response.satisfies(
        json -> result(response, "d").path("status").asText().equals("204"), "DELETE status 204");
    assertThat(get("/Users/" + doomed)).status(404);
    assertThat(get("/Users/" + changed)).status(200).text("/displayName", "Bulk Patched");
  }

  @Test
  void moreThanMaxOperationsIsPayloadTooLarge() {
    scim.require(Feature.BULK);
    final long max = scim.config().bulkMaxOperations().orElse(0);
    Assumptions.assumeTrue(max > 0 && max < 100_000, "no usable bulk.maxOperations");
    final StringBuilder operations = new StringBuilder();
    for (long i = 0; i <= max; i++) {
      operations
          .append(i == 0 ? "" : ",")
          .append("{\"method\":\"DELETE\",\"path\":\"/Users/none-")
          .append(Scim.random())
          .append("\",\"bulkId\":\"op")
          .append(i)
          .append("\"}");
    }
    assertThat(bulk(operations.toString(), "")).error(413, null);
  }

  @Test
  void moreThanMaxPayloadSizeIsPayloadTooLarge() {
    scim.require(Feature.BULK);
    final long max = scim.config().bulkMaxPayloadSize().orElse(0);
    Assumptions.assumeTrue(max > 0 && max <= 64L * 1024 * 1024, "no usable bulk.maxPayloadSize");
    final String padding = "x".repeat((int) max);
    assertThat(
            bulk(
                """
                {"method": "POST", "path": "/Users", "bulkId": "big",
                 "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                          "userName": "%s", "displayName": "%s"}}"""
                    .formatted(scim.userName("big"), padding),
                ""))
        .error(413, null);
  }
}
