package io.tenantsync.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a Graph (or token endpoint) failure becomes a {@link DirectoryException}.
 *
 * <p>Graph errors look like {@code {"error":{"code":"Request_ResourceNotFound","message":"…"}}};
 * OAuth token endpoint errors like {@code {"error":"invalid_client","error_description":"…"}}. Both
 * are understood. Classification:
 *
 * <table>
 *   <caption>status to kind</caption>
 *   <tr><td>400</td><td>BAD_REQUEST, or CONFLICT for Graph's {@code ObjectConflict}</td></tr>
 *   <tr><td>401 / 403 / 404 / 410</td><td>UNAUTHORIZED / FORBIDDEN / NOT_FOUND / GONE</td></tr>
 *   <tr><td>409, 412</td><td>CONFLICT</td></tr>
 *   <tr><td>408</td><td>TIMEOUT, retryable</td></tr>
 *   <tr><td>429</td><td>THROTTLED, retryable, honours Retry-After</td></tr>
 *   <tr><td>5xx except 501, 505</td><td>UNAVAILABLE, retryable, honours Retry-After</td></tr>
 *   <tr><td>anything else</td><td>UNEXPECTED</td></tr>
 * </table>
 *
 * <p>An error response whose non-empty body is not a Graph or OAuth error (an HTML page from a
 * proxy, truncated JSON) is MALFORMED_RESPONSE, retryable exactly when its status is, so that a 404
 * page from a misconfigured URL is never mistaken for "account not found". An empty body is
 * classified by status alone. Stateless and thread-safe.
 */
public final class GraphErrors {

  private static final int MAX_MESSAGE = 400;

  private GraphErrors() {}

  /**
   * Classifies a non-2xx response.
   *
   * @param request "METHOD /path", for the message
   * @param now the current time, to turn an HTTP-date Retry-After into a wait
   */
  public static DirectoryException classify(
      String request, int status, HttpHeaders headers, byte[] body, Instant now) {
    Duration retryAfter =
        headers.firstValue("Retry-After").map(v -> retryAfter(v, now)).orElse(null);
    boolean retryable = isRetryableStatus(status);
    ErrorBody error = parse(body);
    if (error == null) {
      String type = headers.firstValue("Content-Type").orElse("no content type");
      return new DirectoryException(
          Kind.MALFORMED_RESPONSE,
          status,
          null,
          request
              + " failed: HTTP "
              + status
              + " with a body that is not a Graph error ("
              + type
              + ", "
              + body.length
              + " bytes)",
          retryable,
          retryAfter,
          null);
    }
    Kind kind = kindOf(status, error);
    StringBuilder message = new StringBuilder(request).append(" failed: HTTP ").append(status);
    if (error.code != null) {
      message.append(' ').append(error.code);
    }
    if (error.message != null) {
      message.append(": ").append(truncate(error.message));
    }
    return new DirectoryException(
        kind, status, error.code, message.toString(), retryable, retryAfter, null);
  }

  /** A response that is not what the protocol promises. */
  public static DirectoryException malformed(
      String request, int status, String detail, boolean retryable, @Nullable Throwable cause) {
    return new DirectoryException(
        Kind.MALFORMED_RESPONSE,
        status,
        null,
        request + ": malformed response (HTTP " + status + "): " + truncate(detail),
        retryable,
        null,
        cause);
  }

  /** No response: the connection failed or was reset. Retryable. */
  public static DirectoryException transport(String request, IOException cause) {
    return new DirectoryException(
        Kind.UNAVAILABLE,
        0,
        null,
        request + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
        true,
        null,
        cause);
  }

  /** No response within the timeout; the request may or may not have been applied. Retryable. */
  public static DirectoryException timeout(String request, Duration timeout, Throwable cause) {
    return new DirectoryException(
        Kind.TIMEOUT, 0, null, request + " timed out after " + timeout, true, null, cause);
  }

  public static DirectoryException interrupted(String request, Throwable cause) {
    return new DirectoryException(
        Kind.INTERRUPTED, 0, null, request + " interrupted", false, null, cause);
  }

  /**
   * Parses a Retry-After value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). A date in the
   * past means no wait; an unreadable value is ignored (null).
   */
  static @Nullable Duration retryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return null; // absurdly long
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status >= 500 && status != 501 && status != 505;
  }

  private static Kind kindOf(int status, ErrorBody error) {
    return switch (status) {
      case 400 -> error.conflict ? Kind.CONFLICT : Kind.BAD_REQUEST;
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 408 -> Kind.TIMEOUT;
      case 409, 412 -> Kind.CONFLICT;
      case 410 -> Kind.GONE;
      case 429 -> Kind.THROTTLED;
      default -> isRetryableStatus(status) ? Kind.UNAVAILABLE : Kind.UNEXPECTED;
    };
  }

  /** The readable parts of an error body; null when a non-empty body is not an error document. */
  private static @Nullable ErrorBody parse(byte[] body) {
    if (new String(body, StandardCharsets.UTF_8).isBlank()) {
      return new ErrorBody(null, null, false);
    }
    JsonNode root;
    try {
      root = GraphJson.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
    JsonNode error = root == null ? null : root.get("error");
    if (error == null) {
      return null;
    }
    if (error.isTextual()) { // OAuth 2.0 token endpoint (RFC 6749 §5.2)
      return new ErrorBody(error.asText(), text(root.get("error_description")), false);
    }
    if (!error.isObject()) {
      return null;
    }
    String code = text(error.get("code"));
    String message = text(error.get("message"));
    boolean conflict = "ObjectConflict".equalsIgnoreCase(code);
    JsonNode details = error.get("details");
    if (details != null && details.isArray()) {
      for (JsonNode d : details) {
        conflict |= "ObjectConflict".equalsIgnoreCase(text(d.get("code")));
      }
    }
    if (message != null
        && message.toLowerCase(Locale.ROOT).contains("another object with the same value")) {
      conflict = true;
    }
    return new ErrorBody(code, message, conflict);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String truncate(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }

  private record ErrorBody(@Nullable String code, @Nullable String message, boolean conflict) {}
}
