package io.tenantsync.connector.graph;

import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4) against a token endpoint, e.g. Entra ID's
 * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}:
 *
 * <pre>
 * POST grant_type=client_credentials&amp;client_id=…&amp;client_secret=…&amp;scope=https://graph.microsoft.com/.default
 * </pre>
 *
 * <p>The token is cached and reused until {@code min(5 min, 10 % of expires_in)} before it expires;
 * {@link #invalidate} drops it early after Graph answered 401. Thread-safe: concurrent callers
 * share one cached token and at most one fetch runs at a time. Token endpoint refusals (400/401,
 * e.g. {@code invalid_client}) become non-retryable {@code UNAUTHORIZED}; its 5xx and transport
 * failures stay retryable. Neither the secret nor the token is ever logged.
 */
public final class ClientCredentialsTokenProvider implements AccessTokenProvider {

  private static final Logger log = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final long DEFAULT_LIFETIME_SECONDS = 300;

  private final ClientCredentials credentials;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Clock clock;
  private final Object lock = new Object();
  private volatile @Nullable CachedToken cached;

  public ClientCredentialsTokenProvider(
      ClientCredentials credentials, HttpClient http, Duration requestTimeout, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ClientCredentialsTokenProvider(ClientCredentials credentials, HttpClient http) {
    this(credentials, http, Duration.ofSeconds(30), Clock.systemUTC());
  }

  @Override
  public String token() {
    CachedToken current = cached;
    if (current != null && current.freshAt(clock.instant())) {
      return current.value();
    }
    synchronized (lock) {
      current = cached;
      if (current == null || !current.freshAt(clock.instant())) {
        current = fetch();
        cached = current;
      }
      return current.value();
    }
  }

  @Override
  public void invalidate(String token) {
    synchronized (lock) {
      CachedToken current = cached;
      if (current != null && current.value().equals(token)) {
        cached = null;
      }
    }
  }

  private CachedToken fetch() {
    String request = "POST " + credentials.tokenUrl().getRawPath();
    String form =
        "grant_type=client_credentials&client_id="
            + encode(credentials.clientId())
            + "&client_secret="
            + encode(credentials.clientSecret())
            + "&scope="
            + encode(credentials.scope());
    HttpRequest httpRequest =
        HttpRequest.newBuilder(credentials.tokenUrl())
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    Instant requestedAt = clock.instant();
    GraphResponse response = GraphHttp.send(http, httpRequest, requestTimeout, request);
    if (response.status() / 100 != 2) {
      DirectoryException e =
          GraphErrors.classify(
              request, response.status(), response.headers(), response.body(), clock.instant());
      if (e.kind() == Kind.BAD_REQUEST || e.kind() == Kind.UNAUTHORIZED) {
        throw new DirectoryException(
            Kind.UNAUTHORIZED,
            e.httpStatus(),
            e.code().orElse(null),
            "token endpoint refused client " + credentials.clientId() + ": " + e.getMessage(),
            false,
            null,
            e);
      }
      throw e;
    }
    GraphTokenResponse token = GraphJson.read(response, GraphJson.type(GraphTokenResponse.class));
    if (token.accessToken() == null || token.accessToken().isBlank()) {
      throw GraphErrors.malformed(
          request, response.status(), "token response without access_token", true, null);
    }
    long lifetime =
        token.expiresIn() == null || token.expiresIn() <= 0
            ? DEFAULT_LIFETIME_SECONDS
            : token.expiresIn();
    Duration skew = Duration.ofSeconds(lifetime / 10);
    if (skew.compareTo(MAX_SKEW) > 0) {
      skew = MAX_SKEW;
    }
    Instant refreshAt = requestedAt.plusSeconds(lifetime).minus(skew);
    log.debug(
        "Fetched access token for client {} (expires in {} s, refresh at {})",
        credentials.clientId(),
        lifetime,
        refreshAt);
    return new CachedToken(token.accessToken(), refreshAt);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider[" + credentials + "]";
  }

  private record CachedToken(String value, Instant refreshAt) {

    boolean freshAt(Instant now) {
      return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
      return "CachedToken[****, refreshAt=" + refreshAt + "]";
    }
  }
}
