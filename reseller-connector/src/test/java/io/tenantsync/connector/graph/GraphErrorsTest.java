package io.tenantsync.connector.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphErrorsTest {

  private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

  private static DirectoryException classify(int status, String body, String... headers) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    return GraphErrors.classify(
        "GET /v1.0/users/x",
        status,
        HttpHeaders.of(map, (a, b) -> true),
        body.getBytes(StandardCharsets.UTF_8),
        NOW);
  }

  @Test
  void notFoundKeepsGraphCodeAndMessage() {
    DirectoryException e =
        classify(
            404,
            """
            {"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist."}}
            """);
    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals(404, e.httpStatus());
    assertEquals(Optional.of("Request_ResourceNotFound"), e.code());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("Resource 'x' does not exist."), e.getMessage());
  }

  @Test
  void throttledCarriesRetryAfterSeconds() {
    DirectoryException e =
        classify(
            429,
            "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}",
            "Retry-After",
            "7");
    assertEquals(Kind.THROTTLED, e.kind());
    assertTrue(e.retryable());
    assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
  }

  @Test
  void retryAfterHttpDateBecomesTheWaitUntilThatDate() {
    DirectoryException e = classify(503, "", "Retry-After", "Wed, 15 Jan 2025 10:00:30 GMT");
    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
  }

  @Test
  void retryAfterInThePastMeansNoWaitAndGarbageIsIgnored() {
    assertEquals(Duration.ZERO, GraphErrors.retryAfter("Wed, 15 Jan 2025 09:00:00 GMT", NOW));
    assertEquals(null, GraphErrors.retryAfter("soon", NOW));
  }

  @Test
  void emptyBodyIsClassifiedByStatusAlone() {
    DirectoryException e = classify(503, "");
    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
    assertTrue(e.code().isEmpty());
  }

  @Test
  void htmlErrorPageIsMalformedResponseNotNotFound() {
    DirectoryException e =
        classify(404, "<html><body>Not Found</body></html>", "Content-Type", "text/html");
    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals(404, e.httpStatus());
    assertFalse(e.retryable());
  }

  @Test
  void truncatedErrorBodyOnGatewayErrorIsMalformedButStillRetryable() {
    DirectoryException e = classify(502, "{\"error\":{\"code\":\"Ba", "Retry-After", "2");
    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(e.retryable());
    assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
  }

  @Test
  void duplicateUpnIsConflictEvenThoughGraphAnswers400() {
    DirectoryException e =
        classify(
            400,
            """
            {"error":{"code":"Request_BadRequest",
              "message":"Another object with the same value for property userPrincipalName already exists.",
              "details":[{"code":"ObjectConflict","target":"userPrincipalName"}]}}
            """);
    assertEquals(Kind.CONFLICT, e.kind());
    assertEquals(400, e.httpStatus());
    assertEquals(Optional.of("Request_BadRequest"), e.code());
  }

  @Test
  void oauthErrorShapeIsUnderstood() {
    DirectoryException e =
        classify(
            401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: bad\"}");
    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertEquals(Optional.of("invalid_client"), e.code());
    assertTrue(e.getMessage().contains("AADSTS7000215"));
  }

  @Test
  void statusesMapToKindsAndRetryability() {
    String body = "{\"error\":{\"code\":\"c\",\"message\":\"m\"}}";
    assertEquals(Kind.FORBIDDEN, classify(403, body).kind());
    assertEquals(Kind.CONFLICT, classify(409, body).kind());
    assertEquals(Kind.CONFLICT, classify(412, body).kind());
    assertEquals(Kind.GONE, classify(410, body).kind());
    assertEquals(Kind.TIMEOUT, classify(408, body).kind());
    assertTrue(classify(408, body).retryable());
    assertTrue(classify(500, body).retryable());
    assertTrue(classify(504, body).retryable());
    assertEquals(Kind.UNEXPECTED, classify(501, body).kind());
    assertFalse(classify(501, body).retryable());
    assertEquals(Kind.UNEXPECTED, classify(405, body).kind());
    assertFalse(classify(400, body).retryable());
  }
}
