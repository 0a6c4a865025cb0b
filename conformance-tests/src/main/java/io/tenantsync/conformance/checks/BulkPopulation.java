package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Many throw-away resources at once through {@code /Bulk}, in requests of at most 100 operations
 * (or the advertised {@code bulk.maxOperations} if lower), deleted again through {@code /Bulk} when
 * the check ends. For checks that need a large population; the caller has made sure Bulk is
 * advertised. Groups are the cheaper population where a server provisions users onwards.
 */
final class BulkPopulation {

  private static final int DEFAULT_CHUNK = 100;

  private final Scim scim;
  private final String endpoint;
  private final int chunk;

  /** {@code endpoint}: {@code /Users} or {@code /Groups}. */
  BulkPopulation(final Scim scim, final String endpoint) {
    this.scim = scim;
    this.endpoint = endpoint;
    this.chunk = (int) Math.min(DEFAULT_CHUNK, scim.config().bulkMaxOperations().orElse(1));
  }

  /** Creates {@code count} minimal resources; every Bulk response must report 201 for each. */
  void create(final long count) {
    final String prefix = "bulkpop" + Scim.random();
    final List<String> created = new ArrayList<>();
    scim.onClose(() -> delete(created)); // filled as the resources are created
    for (long done = 0; done < count; ) {
      final int size = (int) Math.min(chunk, count - done);
      final StringBuilder operations = new StringBuilder();
      for (int i = 0; i < size; i++) {
        operations
            .append(i == 0 ? "" : ",")
            .append("{\"method\":\"POST\",\"path\":\"")
            .append(endpoint)
            .append("\",\"bulkId\":\"r")
            .append(i)
            .append("\",\"data\":")
            .append(data(prefix + "-" + (done + i)))
            .append('}');
      }
      final ScimResponse response = bulk(operations.toString());
      for (final JsonNode result : response.node().path("Operations")) {
        final String location = result.path("location").asText("");
        final int at = location.lastIndexOf(endpoint + "/");
        if (at >= 0) {
          created.add(location.substring(at));
        }
      }
      assertThat(response)
          .status(200)
          .satisfies(
              json -> allCreated(json.path("Operations"), size),
              size + " operations reporting status 201");
      done += size;
    }
  }

  private String data(final String name) {
    return endpoint.equals("/Groups")
        ? """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s"}"""
            .formatted(name)
        : """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s@%s"}"""
            .formatted(name, scim.target().userDomain());
  }

  /** Bulk DELETEs of the created resources, in the same chunks; failures are left as they are. */
  private void delete(final List<String> paths) {
    for (int from = 0; from < paths.size(); from += chunk) {
      final StringBuilder operations = new StringBuilder();
      final List<String> slice = paths.subList(from, Math.min(paths.size(), from + chunk));
      for (int i = 0; i < slice.size(); i++) {
        operations
            .append(i == 0 ? "" : ",")
            .append("{\"method\":\"DELETE\",\"path\":\"")
            .append(slice.get(i))
            .append("\"}");
      }
      bulk(operations.toString());
    }
  }

  private ScimResponse bulk(final String operations) {
    return scim.http()
        .post(
            "/Bulk",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[%s]}"""
                .formatted(operations));
  }

  private static boolean allCreated(final JsonNode results, final int expected) {
    if (results.size() != expected) {
      return false;
    }
    for (final JsonNode result : results) {
      if (!result.path("status").asText().equals("201")) {
        return false;
      }
    }
    return true;
  }
}
