package io.tenantsync.connector.graph;

/**
 * Supplies the bearer token for Graph requests. Implementations must be thread-safe and may cache.
 */
public interface AccessTokenProvider {

  /**
   * A token valid for at least a few more minutes.
   *
   * @throws io.tenantsync.connector.DirectoryException when no token can be obtained
   */
  String token();

  /**
   * Called when Graph refused {@code token} with 401: forget it if it is still the cached one, so
   * the next {@link #token()} fetches a fresh one.
   */
  void invalidate(String token);
}
