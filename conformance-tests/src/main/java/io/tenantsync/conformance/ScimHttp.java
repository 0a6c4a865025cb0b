package io.tenantsync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one request helper: sends raw JSON text exactly as given (no serialisation in between, so
 * replayed payloads keep their bytes) and returns the whole exchange as a {@link ScimResponse}.
 *
 * <p>Paths are appended to the base URL as they are: encode query values with {@link #enc} or build
 * the query with {@link #query}. Immutable and thread-safe; the JDK client is shared.
 */
public final class ScimHttp {

  public static final String SCIM_JSON = "application/scim+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final @Nullable String token;

  public ScimHttp(final URI base, final @Nullable String token) {
    final String text = base.toString();
    this.base = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : base;
    this.token = token;
  }

  public URI base() {
    return base;
  }

  /** The same server with another bearer token ({@code null}: no Authorization header). */
  public ScimHttp withToken(final @Nullable String otherToken) {
    return new ScimHttp(base, otherToken);
  }

  public Request request(final String method, final String path) {
    return new Request(method, path);
  }

  public ScimResponse get(final String path) {
    return request("GET", path).send();
  }

  public ScimResponse post(final String path, final String body) {
    return request("POST", path).body(body).send();
  }

  public ScimResponse put(final String path, final String body) {
    return request("PUT", path).body(body).send();
  }

  public ScimResponse patch(final String path, final String body) {
    return request("PATCH", path).body(body).send();
  }

  public ScimResponse delete(final String path) {
    return request("DELETE", path).send();
  }

  /** URL-encodes a query value; spaces become {@code %20} as SCIM clients send them. */
  public static String enc(final String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code query("/Users", "filter", "userName eq \"a\"", "count", "2")}, values encoded. */
  public static String query(final String path, final String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    final StringBuilder out = new StringBuilder(path);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.append(i == 0 ? '?' : '&')
          .append(keysAndValues[i])
          .append('=')
          .append(enc(keysAndValues[i + 1]));
    }
    return out.toString();
  }

  /** One request being built. Not thread-safe; send it once. */
  public final class Request {
    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private @Nullable String body;
    private boolean authorize = true;

    private Request(final String method, final String path) {
      this.method = method;
      this.path = path;
      headers.put("Accept", List.of(SCIM_JSON));
    }

    public Request header(final String name, final String value) {
      headers.put(name, List.of(value));
      return this;
    }

    /** The body, sent byte for byte, as {@code application/scim+json} unless overridden. */
    public Request body(final String text) {
      this.body = text;
      headers.putIfAbsent("Content-Type", List.of(SCIM_JSON));
      return this;
    }

    public Request contentType(final String mediaType) {
      return header("Content-Type", mediaType);
    }

    /** Sends no Authorization header at all. */
    public Request withoutToken() {
      this.authorize = false;
      return this;
    }

    public ScimResponse send() {
      final URI uri = URI.create(base + path);
      final Map<String, List<String>> sent = new LinkedHashMap<>();
      if (authorize && token != null) {
        sent.put("Authorization", List.of("Bearer " + token));
      }
      sent.putAll(headers);
      final HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
      sent.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
      builder.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      final HttpResponse<String> response = exchange(builder.build());
      final String text = response.body() == null ? "" : response.body();
      return new ScimResponse(
          method, uri, sent, body, response.statusCode(), response.headers(), text, parse(text));
    }
  }

  /**
   * Sends once more when the first attempt died on the connection (typically a pooled keep-alive
   * connection the server had just closed, which the JDK retries only for GET): such a request got
   * no response, so a second attempt shows the server's answer rather than a transport artefact.
   */
  private static HttpResponse<String> exchange(final HttpRequest request) {
    IOException failure = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (final IOException e) {
        failure = e;
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
      }
    }
    throw new UncheckedIOException(
        request.method() + " " + request.uri() + " failed: " + failure, failure);
  }

  private static @Nullable JsonNode parse(final String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (final IOException e) {
      return null;
    }
  }
}
