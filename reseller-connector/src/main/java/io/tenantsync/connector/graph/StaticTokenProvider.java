package io.tenantsync.connector.graph;

import java.util.Objects;

/**
 * A fixed bearer token, e.g. the operator token the server uses to reach its own sandbox. Immutable
 * and thread-safe; {@link #invalidate} has nothing to refresh.
 */
public final class StaticTokenProvider implements AccessTokenProvider {

  private final String token;

  public StaticTokenProvider(String token) {
    this.token = Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public void invalidate(String token) {
    // A fixed token cannot be refreshed; the retry after 401 will fail with UNAUTHORIZED.
  }

  @Override
  public String toString() {
    return "StaticTokenProvider[****]";
  }
}
