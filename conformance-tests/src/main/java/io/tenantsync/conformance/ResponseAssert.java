package io.tenantsync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on one raw HTTP exchange. Every failure message ends with the full request and
 * response, so that the exchange is printed when, and only when, a check fails.
 *
 * <pre>{@code
 * assertThat(response).status(201).scimJson().schemas(Urns.USER).text("/userName", name);
 * assertThat(response).error(400, "invalidFilter");
 * }</pre>
 */
public final class ResponseAssert {

  private final ScimResponse response;

  private ResponseAssert(final ScimResponse response) {
    this.response = response;
  }

  public static ResponseAssert assertThat(final ScimResponse response) {
    return new ResponseAssert(response);
  }

  public ScimResponse response() {
    return response;
  }

  public JsonNode json() {
    return response.node();
  }

  /** Fails with the exchange attached. */
  public AssertionFailedError failure(final String message) {
    return new AssertionFailedError(message + "\n" + response.describe());
  }

  public ResponseAssert status(final int... expected) {
    if (Arrays.stream(expected).noneMatch(code -> code == response.status())) {
      throw failure(
          "expected HTTP status "
              + (expected.length == 1 ? expected[0] : Arrays.toString(expected))
              + " but was "
              + response.status());
    }
    return this;
  }

  /** {@code Content-Type: application/scim+json} (parameters such as charset allowed). */
  public ResponseAssert scimJson() {
    final String type = response.header("Content-Type").orElse("");
    final String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals(ScimHttp.SCIM_JSON)) {
      throw failure("expected Content-Type application/scim+json but was \"" + type + "\"");
    }
    if (response.json() == null) {
      throw failure("expected a JSON body");
    }
    return this;
  }

  /** The body's {@code schemas} array contains every URN given. */
  public ResponseAssert schemas(final String... urns) {
    final Set<String> present = textValues(json().path("schemas"));
    for (final String urn : urns) {
      if (!present.contains(urn)) {
        throw failure("expected \"schemas\" to contain " + urn + " but was " + present);
      }
    }
    return this;
  }

  /** The body's {@code schemas} array is exactly the URNs given, in any order. */
  public ResponseAssert schemasExactly(final String... urns) {
    final Set<String> present = textValues(json().path("schemas"));
    if (!present.equals(new TreeSet<>(Arrays.asList(urns)))) {
      throw failure("expected \"schemas\" to be " + Arrays.toString(urns) + " but was " + present);
    }
    return this;
  }

  /**
   * A SCIM error (RFC 7644 §3.12): the status, {@code application/scim+json}, {@code schemas} =
   * [Error URN], {@code status} as a JSON string, and the {@code scimType} when one is given.
   */
  public ResponseAssert error(final int expectedStatus, final @Nullable String scimType) {
    status(expectedStatus).scimJson().schemasExactly(Urns.ERROR);
    final JsonNode status = json().path("status");
    if (!status.isTextual() || !status.asText().equals(Integer.toString(expectedStatus))) {
      throw failure(
          "expected the error's \"status\" to be the JSON string \""
              + expectedStatus
              + "\" (RFC 7644 §3.12) but was "
              + status);
    }
    if (scimType != null) {
      text("/scimType", scimType);
    }
    final JsonNode detail = json().path("detail");
    if (!detail.isMissingNode() && !detail.isTextual()) {
      throw failure("expected \"detail\" to be a string but was " + detail);
    }
    return this;
  }

  /**
   * A ListResponse (RFC 7644 §3.4.2): 200, scim+json, its schema, totalResults, Resources array.
   */
  public ResponseAssert listResponse() {
    status(200).scimJson().schemas(Urns.LIST_RESPONSE);
    if (!json().path("totalResults").isIntegralNumber()) {
      throw failure("expected an integer \"totalResults\"");
    }
    final JsonNode resources = json().path("Resources");
    if (!resources.isMissingNode() && !resources.isArray()) {
      throw failure("expected \"Resources\" to be an array");
    }
    return this;
  }

  public ResponseAssert text(final String pointer, final String expected) {
    final JsonNode value = json().at(pointer);
    if (!value.isTextual() || !value.asText().equals(expected)) {
      throw failure("expected " + pointer + " to be \"" + expected + "\" but was " + value);
    }
    return this;
  }

  public ResponseAssert textIgnoringCase(final String pointer, final String expected) {
    final JsonNode value = json().at(pointer);
    if (!value.isTextual() || !value.asText().equalsIgnoreCase(expected)) {
      throw failure(
          "expected " + pointer + " to be \"" + expected + "\" (any case) but was " + value);
    }
    return this;
  }

  public ResponseAssert bool(final String pointer, final boolean expected) {
    final JsonNode value = json().at(pointer);
    if (!value.isBoolean() || value.asBoolean() != expected) {
      throw failure(
          "expected " + pointer + " to be the JSON boolean " + expected + " but was " + value);
    }
    return this;
  }

  public ResponseAssert number(final String pointer, final long expected) {
    final JsonNode value = json().at(pointer);
    if (!value.isIntegralNumber() || value.asLong() != expected) {
      throw failure("expected " + pointer + " to be " + expected + " but was " + value);
    }
    return this;
  }

  public ResponseAssert present(final String pointer) {
    final JsonNode value = json().at(pointer);
    if (value.isMissingNode() || value.isNull()) {
      throw failure("expected " + pointer + " to be present");
    }
    return this;
  }

  /** Absent, null, or (for multi-valued attributes) an empty array: "unassigned" per RFC 7643. */
  public ResponseAssert absent(final String pointer) {
    final JsonNode value = json().at(pointer);
    if (!(value.isMissingNode() || value.isNull() || (value.isArray() && value.isEmpty()))) {
      throw failure("expected " + pointer + " to be absent but was " + value);
    }
    return this;
  }

  public ResponseAssert header(
      final String name, final Predicate<String> condition, final String what) {
    final String value = response.header(name).orElse(null);
    if (value == null || !condition.test(value)) {
      throw failure("expected header " + name + " " + what + " but was " + value);
    }
    return this;
  }

  /** Any other condition on the body, described for the failure message. */
  public ResponseAssert satisfies(final Predicate<JsonNode> condition, final String what) {
    if (!condition.test(json())) {
      throw failure("expected " + what);
    }
    return this;
  }

  /** The {@code id}s of a ListResponse's Resources, in order. */
  public List<String> resourceIds() {
    final List<String> ids = new ArrayList<>();
    json().path("Resources").forEach(resource -> ids.add(resource.path("id").asText()));
    return ids;
  }

  /** The values at {@code field} of a ListResponse's Resources, in order. */
  public List<String> resourceValues(final String pointer) {
    final List<String> values = new ArrayList<>();
    json().path("Resources").forEach(resource -> values.add(resource.at(pointer).asText()));
    return values;
  }

  /** The set of ids in the ListResponse equals {@code expected}. */
  public ResponseAssert resourcesExactly(final Set<String> expected, final String what) {
    final Set<String> ids = new TreeSet<>(resourceIds());
    if (!ids.equals(new TreeSet<>(expected))) {
      throw failure("expected " + what + ": ids " + new TreeSet<>(expected) + " but got " + ids);
    }
    return this;
  }

  static Set<String> textValues(final JsonNode array) {
    final Set<String> values = new TreeSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
