package io.tenantsync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange, request included, so that a failing assertion can print both sides.
 *
 * @param json the parsed body, or {@code null} when the body is empty or not JSON
 */
public record ScimResponse(
    String method,
    URI uri,
    Map<String, List<String>> requestHeaders,
    @Nullable String requestBody,
    int status,
    HttpHeaders headers,
    String body,
    @Nullable JsonNode json) {

  private static final int MAX_PRINTED_BODY = 4_000;

  /** The body as JSON; a {@link MissingNode} when there is none, so that lookups never NPE. */
  public JsonNode node() {
    return json == null ? MissingNode.getInstance() : json;
  }

  /** A JSON Pointer lookup in the body ({@code "/name/givenName"}). */
  public JsonNode at(final String pointer) {
    return node().at(pointer);
  }

  /** A text field, or empty when absent or not textual. */
  public Optional<String> text(final String pointer) {
    final JsonNode value = at(pointer);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** The resource's {@code id}; fails with the exchange printed when there is none. */
  public String id() {
    return text("/id")
        .orElseThrow(() -> new AssertionError("response has no \"id\"\n" + describe()));
  }

  public Optional<String> header(final String name) {
    return headers.firstValue(name);
  }

  /** The exchange, as printed under a failing assertion. Bearer tokens are masked. */
  public String describe() {
    final StringBuilder out = new StringBuilder();
    out.append("--> ").append(method).append(' ').append(uri).append('\n');
    requestHeaders.forEach(
        (name, values) ->
            values.forEach(
                value ->
                    out.append("    ")
                        .append(name)
                        .append(": ")
                        .append(name.equalsIgnoreCase("Authorization") ? mask(value) : value)
                        .append('\n')));
    if (requestBody != null) {
      out.append(indent(truncate(requestBody))).append('\n');
    }
    out.append("<-- ").append(status).append('\n');
    headers
        .map()
        .forEach(
            (name, values) ->
                out.append("    ")
                    .append(name)
                    .append(": ")
                    .append(String.join(", ", values))
                    .append('\n'));
    if (!body.isEmpty()) {
      out.append(indent(truncate(body))).append('\n');
    }
    return out.toString();
  }

  private static String mask(final String value) {
    final int space = value.indexOf(' ');
    return space < 0 ? "***" : value.substring(0, space) + " ***";
  }

  private static String truncate(final String text) {
    return text.length() <= MAX_PRINTED_BODY
        ? text
        : text.substring(0, MAX_PRINTED_BODY) + "… (" + text.length() + " chars)";
  }

  private static String indent(final String text) {
    return text.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
  }
}
