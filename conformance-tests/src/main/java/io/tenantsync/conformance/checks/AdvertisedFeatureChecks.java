package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Discovery agrees with behaviour, both ways (RFC 7643 §5): each optional feature is probed with
 * one small, real use of it. Advertised and performed passes; advertised but not performed fails;
 * performed although {@code ServiceProviderConfig} says it is not supported fails too (a client
 * reading the config would never use it); neither advertised nor performed is skipped.
 */
@Tag("discovery")
public class AdvertisedFeatureChecks extends ConformanceCheck {

  /** The outcome of one probe and the exchanges that show it. */
  private record Probe(boolean performed, String evidence) {
    static Probe of(final boolean performed, final ScimResponse... exchanges) {
      final StringBuilder text = new StringBuilder();
      for (final ScimResponse exchange : exchanges) {
        text.append('\n').append(exchange.describe());
      }
      return new Probe(performed, text.toString());
    }
  }

  private void agree(final Feature feature, final String behaviour, final Probe probe) {
    final boolean advertised = scim.config().supports(feature);
    final String flag = feature.pointer().substring(1).replace('/', '.');
    if (advertised && !probe.performed()) {
      throw new AssertionFailedError(
          "ServiceProviderConfig advertises "
              + flag
              + " = true, but "
              + behaviour
              + " failed:"
              + probe.evidence());
    }
    if (!advertised && probe.performed()) {
      throw new AssertionFailedError(
          "the server performs "
              + behaviour
              + " but ServiceProviderConfig does not advertise "
              + flag
              + " = true:"
              + probe.evidence());
    }
    Assumptions.assumeTrue(advertised, flag + " is not advertised and not performed");
  }

  private String createdUser() {
    return scim.createUser().path("id").asText();
  }

  @Test
  void patchIsAdvertisedIffItWorks() {
    final String id = createdUser();
    final String name = "patched-" + Scim.random();
    final ScimResponse patched =
        patch(
            "/Users/" + id,
            patchOps(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"%s\"}".formatted(name)));
    final ScimResponse read = get("/Users/" + id);
    agree(
        Feature.PATCH,
        "PATCH replace displayName",
        Probe.of(
            (patched.status() == 200 || patched.status() == 204)
                && read.status() == 200
                && read.at("/displayName").asText().equals(name),
            patched,
            read));
  }

  @Test
  void bulkIsAdvertisedIffItWorks() {
    final String userName = scim.userName("bulkprobe");
    final ScimResponse bulk =
        post(
            "/Bulk",
            """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
             "Operations": [{"method": "POST", "path": "/Users", "bulkId": "probe",
               "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                        "userName": "%s"}}]}
            """
                .formatted(userName));
    final JsonNode result = bulk.node().path("Operations").path(0);
    final String location = result.path("location").asText("");
    final int at = location.lastIndexOf("/Users/");
    final String path = at >= 0 ? location.substring(at) : "/Users/" + Scim.random();
    scim.deleteLater(path);
    final ScimResponse created = get(path);
    agree(
        Feature.BULK,
        "a Bulk POST of one user",
        Probe.of(
            bulk.status() == 200
                && result.path("status").asText().startsWith("201")
                && created.status() == 200
                && created.at("/userName").asText().equalsIgnoreCase(userName),
            bulk,
            created));
  }

  @Test
  void advertisedBulkDeclaresPositiveLimits() {
    scim.require(Feature.BULK);
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(
            json ->
                json.at("/bulk/maxOperations").asLong() > 0
                    && json.at("/bulk/maxPayloadSize").asLong() > 0,
            "bulk.maxOperations and bulk.maxPayloadSize > 0 when bulk.supported (RFC 7643 §5)");
  }

  @Test
  void filterIsAdvertisedIffItWorks() {
    final String wanted = createdUser();
    createdUser();
    final String userName = get("/Users/" + wanted).at("/userName").asText();
    final ScimResponse filtered =
        get(ScimHttp.query("/Users", "filter", "userName eq \"" + userName + "\""));
    agree(
        Feature.FILTER,
        "filter=userName eq …",
        Probe.of(
            filtered.status() == 200
                && filtered.node().path("totalResults").asLong() == 1
                && filtered.at("/Resources/0/id").asText().equals(wanted),
            filtered));
  }

  @Test
  void sortIsAdvertisedIffItWorks() {
    Assumptions.assumeTrue(
        scim.config().supports(Feature.FILTER), "sorting is probed on a filtered set");
    final String prefix = "adsort" + Scim.random();
    final String first =
        scim.createUser(Scim.userJson(prefix + "-a@" + scim.target().userDomain()))
            .path("id")
            .asText();
    final String second =
        scim.createUser(Scim.userJson(prefix + "-b@" + scim.target().userDomain()))
            .path("id")
            .asText();
    final String filter = "userName sw \"" + prefix + "\"";
    final ScimResponse descending =
        get(
            ScimHttp.query(
                "/Users", "filter", filter, "sortBy", "userName", "sortOrder", "descending"));
    final ScimResponse ascending =
        get(
            ScimHttp.query(
                "/Users", "filter", filter, "sortBy", "userName", "sortOrder", "ascending"));
    agree(
        Feature.SORT,
        "sortBy=userName in both orders",
        Probe.of(
            ids(descending).equals(List.of(second, first))
                && ids(ascending).equals(List.of(first, second)),
            descending,
            ascending));
  }

  @Test
  void etagIsAdvertisedIffItWorks() {
    final String id = createdUser();
    final ScimResponse read = get("/Users/" + id);
    final String etag = read.header("ETag").orElse("");
    final ScimResponse stale =
        scim.http()
            .request("PUT", "/Users/" + id)
            .header("If-Match", "W/\"stale-" + Scim.random() + "\"")
            .body(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s"}
                """
                    .formatted(read.at("/userName").asText()))
            .send();
    agree(
        Feature.ETAG,
        "an ETag on GET and 412 for a PUT with a stale If-Match",
        Probe.of(!etag.isBlank() && stale.status() == 412, read, stale));
  }

  @Test
  void cursorPaginationIsAdvertisedIffItWorks() {
    createdUser();
    createdUser();
    final ScimResponse first = get("/Users?count=1&cursor=");
    final JsonNode next = first.at("/nextCursor");
    final ScimResponse second =
        next.isTextual() && !next.asText().isEmpty()
            ? get(ScimHttp.query("/Users", "count", "1", "cursor", next.asText()))
            : first;
    agree(
        Feature.CURSOR_PAGINATION,
        "cursor paging (RFC 9865) over /Users",
        Probe.of(
            first.status() == 200
                && second != first
                && second.status() == 200
                && ids(first).size() == 1
                && ids(second).size() == 1
                && !ids(first).equals(ids(second)),
            first,
            second));
  }

  /**
   * RFC 7643 §5 {@code changePassword.supported}: probed with a PUT carrying a new password (PUT,
   * so that the probe does not depend on PATCH).
   */
  @Test
  void changePasswordIsAdvertisedIffItWorks() {
    final String id = createdUser();
    final String userName = get("/Users/" + id).at("/userName").asText();
    final ScimResponse changed =
        put(
            "/Users/" + id,
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
             "password":"N3w-Secret-Pw!%s"}
            """
                .formatted(userName, Scim.random()));
    agree(
        Feature.CHANGE_PASSWORD,
        "a PUT that sets a new password",
        Probe.of(changed.status() == 200 && changed.at("/password").isMissingNode(), changed));
  }

  private static List<String> ids(final ScimResponse list) {
    return list.status() == 200 ? assertThat(list).resourceIds() : List.of();
  }
}
