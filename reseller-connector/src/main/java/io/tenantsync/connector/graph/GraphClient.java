package io.tenantsync.connector.graph;

import com.fasterxml.jackson.databind.JavaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that sends Graph requests: bearer token, {@code Accept: application/json}, JSON
 * bodies, the per-attempt timeout, one token refresh on 401, classification of every non-2xx
 * response by {@link GraphErrors}, retries by {@link GraphRetry}, and {@code @odata.nextLink}
 * paging.
 *
 * <p>Paging and delta links are followed only when they stay under the configured base URL (same
 * scheme, host, port and path prefix), so a response can never send the bearer token elsewhere,
 * nor, in the sandbox, to another tenant. Logs show method, path and status only: never bodies,
 * tokens or query strings. Thread-safe.
 */
final class GraphClient {

  private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

  private final GraphConfig config;
  private final AccessTokenProvider tokens;
  private final HttpClient http;
  private final GraphRetry retry;
  private final Clock clock;

  GraphClient(
      GraphConfig config,
      AccessTokenProvider tokens,
      HttpClient http,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random) {
    this.config = Objects.requireNonNull(config, "config");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retry = new GraphRetry(config.retry(), sleeper, random);
  }

  GraphConfig config() {
    return config;
  }

  /** {@code baseUrl + path}, with query parameters ({@code "$select", "a,b", …}) encoded. */
  URI url(String path, String... query) {
    StringBuilder url = new StringBuilder(config.baseUrl().toString()).append(path);
    for (int i = 0; i + 1 < query.length; i += 2) {
      url.append(i == 0 ? '?' : '&').append(query[i]).append('=').append(encode(query[i + 1]));
    }
    return URI.create(url.toString());
  }

  /**
   * Percent-encodes one path segment (RFC 3986 {@code pchar}): ids and UPNs keep {@code @} and
   * {@code .}, while {@code #}, {@code /}, {@code ?} and spaces are escaped.
   */
  static String segment(String raw) {
    StringBuilder out = new StringBuilder();
    for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String encode(String value) {
    return segment(value).replace("&", "%26").replace("=", "%3D").replace("+", "%2B");
  }

  /**
   * Resolves a paging or delta link against the base URL and refuses one that leaves it.
   *
   * @throws io.tenantsync.connector.DirectoryException MALFORMED_RESPONSE for a foreign link
   */
  URI followLink(String link) {
    URI base = config.baseUrl();
    URI uri;
    try {
      uri = URI.create(base + "/").resolve(link);
    } catch (IllegalArgumentException e) {
      throw GraphErrors.malformed("GET " + base.getRawPath(), 200, "unparsable link", false, e);
    }
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean sameOrigin =
        base.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
            && base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
            && port(base) == port(uri);
    if (!sameOrigin || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
      throw GraphErrors.malformed(
          "GET " + basePath,
          200,
          "link leaves the configured Graph base URL: "
              + uri.getScheme()
              + "://"
              + uri.getHost()
              + path,
          false,
          null);
    }
    return uri;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Runs {@code call} under the retry policy; see {@link GraphRetry}. */
  <T> T withRetry(String request, GraphRetry.Attempt<T> call) {
    return retry.run(request, call);
  }

  /** GET and parse, retried. */
  <T> T get(URI uri, JavaType type) {
    String request = describe("GET", uri);
    return withRetry(request, attempt -> GraphJson.read(send("GET", uri, null), type));
  }

  /**
   * One attempt: sends the request (refetching the token once on 401) and returns a 2xx response.
   *
   * @throws io.tenantsync.connector.DirectoryException classified, for anything else
   */
  GraphResponse send(String method, URI uri, @Nullable Object body) {
    String request = describe(method, uri);
    byte[] payload = body == null ? null : GraphJson.write(body);
    String token = tokens.token();
    GraphResponse response = exchange(method, uri, payload, token, request);
    if (response.status() == 401) {
      tokens.invalidate(token);
      String fresh = tokens.token();
      if (!fresh.equals(token)) {
        log.debug("{} -> 401; retrying once with a fresh access token", request);
        response = exchange(method, uri, payload, fresh, request);
      }
    }
    if (response.status() / 100 != 2) {
      throw GraphErrors.classify(
          request, response.status(), response.headers(), response.body(), clock.instant());
    }
    return response;
  }

  private GraphResponse exchange(
      String method, URI uri, byte @Nullable [] payload, String token, String request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (payload == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
    }
    long start = System.nanoTime();
    GraphResponse response =
        GraphHttp.send(http, builder.build(), config.requestTimeout(), request);
    log.debug(
        "{} -> {} ({} ms)", request, response.status(), (System.nanoTime() - start) / 1_000_000);
    return response;
  }

  /**
   * Streams a collection: GETs {@code first}, hands each item to {@code sink}, then follows
   * {@code @odata.nextLink}. Each page is retried on its own, so a failure on page 37 does not
   * restart from page 1. Only one page is held at a time.
   *
   * @return the {@code @odata.deltaLink} of the last page, or null for a plain collection
   */
  <T> @Nullable String forEachPage(URI first, Class<T> itemType, Consumer<? super T> sink) {
    JavaType pageType = GraphJson.pageOf(itemType);
    URI next = first;
    while (true) {
      GraphPage<T> page = get(next, pageType);
      if (page.value() == null) {
        throw GraphErrors.malformed(describe("GET", next), 200, "page without value", true, null);
      }
      for (T item : page.value()) {
        sink.accept(item);
      }
      if (page.deltaLink() != null) {
        return page.deltaLink();
      }
      if (page.nextLink() == null) {
        return null;
      }
      URI following = followLink(page.nextLink());
      if (following.equals(next)) {
        throw GraphErrors.malformed(
            describe("GET", next), 200, "@odata.nextLink points at the same page", false, null);
      }
      next = following;
    }
  }

  static String describe(String method, URI uri) {
    return method + " " + uri.getRawPath();
  }
}
