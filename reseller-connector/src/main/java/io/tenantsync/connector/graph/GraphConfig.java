package io.tenantsync.connector.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one Graph endpoint; immutable and validated on construction.
 *
 * <p>{@code baseUrl} is the version root, e.g. {@code https://graph.microsoft.com/v1.0} or the
 * sandbox's {@code http://127.0.0.1:8080/sandbox/{tenantId}/v1.0}. Paging links are only followed
 * when they point at the same scheme, host and port. {@code requestTimeout} bounds each attempt
 * (headers and body); {@code pageSize} is sent as {@code $top} on listings (Graph allows up to 999
 * for users).
 */
public record GraphConfig(
    URI baseUrl, Duration connectTimeout, Duration requestTimeout, Retry retry, int pageSize) {

  /** The default public Graph endpoint. */
  public static final URI GLOBAL_GRAPH = URI.create("https://graph.microsoft.com/v1.0");

  public GraphConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
    }
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    if (path.endsWith("/")) {
      baseUrl = URI.create(baseUrl.toString().substring(0, baseUrl.toString().length() - 1));
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (pageSize < 1 || pageSize > 999) {
      throw new IllegalArgumentException("pageSize must be 1..999: " + pageSize);
    }
  }

  /** Defaults: 10 s connect, 30 s per attempt, {@link Retry#defaults()}, pages of 500. */
  public static GraphConfig of(URI baseUrl) {
    return new GraphConfig(
        baseUrl, Duration.ofSeconds(10), Duration.ofSeconds(30), Retry.defaults(), 500);
  }

  public GraphConfig withRetry(Retry value) {
    return new GraphConfig(baseUrl, connectTimeout, requestTimeout, value, pageSize);
  }

  public GraphConfig withRequestTimeout(Duration value) {
    return new GraphConfig(baseUrl, connectTimeout, value, retry, pageSize);
  }

  public GraphConfig withPageSize(int value) {
    return new GraphConfig(baseUrl, connectTimeout, requestTimeout, retry, value);
  }

  /**
   * When and how long to retry within one call.
   *
   * <p>{@code maxAttempts} counts the first attempt. Without {@code Retry-After}, the wait before
   * retry n is {@code min(maxDelay, baseDelay * 2^(n-1))} minus up to {@code jitter} (0..1) of it,
   * so waits never exceed {@code maxDelay}. With {@code Retry-After} the wait is exactly what the
   * directory asked for, unless it exceeds {@code maxRetryAfter}: then the call fails at once with
   * a retryable exception carrying the wait, for the caller to reschedule.
   */
  public record Retry(
      int maxAttempts,
      Duration baseDelay,
      Duration maxDelay,
      double jitter,
      Duration maxRetryAfter) {

    public Retry {
      Objects.requireNonNull(baseDelay, "baseDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
      }
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative");
      }
    }

    /** 6 attempts, 500 ms doubling to at most 30 s, 20 % jitter, Retry-After up to 2 min. */
    public static Retry defaults() {
      return new Retry(
          6, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2, Duration.ofMinutes(2));
    }

    /** A single attempt: failures go straight to the caller. */
    public static Retry none() {
      return new Retry(1, Duration.ZERO, Duration.ZERO, 0.0, Duration.ZERO);
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
