package io.tenantsync.server.outbox;

import io.tenantsync.connector.DirectoryException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the outbox does after a failed attempt to apply a row. Failures are of three sorts:
 *
 * <ul>
 *   <li><b>The tenant's directory is unavailable</b> — a retryable error (no answer, timeout, 408,
 *       429, 5xx) or refused credentials (401): nothing about the row is wrong. The whole tenant is
 *       paused, for a back-off that grows with the tenant's consecutive failures (exponential with
 *       jitter, capped at {@link #MAX_BACKOFF}; a {@code Retry-After} wins), so a tenant that is
 *       down is not hammered and its other rows wait with it; other tenants are not slowed. The row
 *       stays {@code pending} and ends {@code failed} only when it is still undelivered {@link
 *       #RETRY_WINDOW} after the change was made.
 *   <li><b>The directory refused this change</b> — any other directory error (400, 403, 404, 409…):
 *       retrying would fail the same way, so the row ends {@code failed} at once with the
 *       directory's error code and message. The tenant is not paused: the directory answered.
 *   <li><b>An internal error</b> here (not the directory's): the row alone is retried with back-off
 *       and ends {@code failed} after {@link #MAX_INTERNAL_ATTEMPTS} attempts.
 * </ul>
 *
 * Stateless.
 */
final class RetryPolicy {
  /** How long a change may wait for an unavailable directory before it ends failed. */
  static final Duration RETRY_WINDOW = Duration.ofHours(72);

  static final int MAX_INTERNAL_ATTEMPTS = 5;
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  private RetryPolicy() {}

  /**
   * @param giveUp the row ends {@code failed}
   * @param retryInMillis when not giving up, the wait before the row (and, if {@code pauseTenant},
   *     the whole tenant) is tried again
   * @param pauseTenant the tenant's directory is unavailable: pause the tenant
   */
  record Decision(boolean giveUp, long retryInMillis, boolean pauseTenant) {}

  /**
   * Whether the error says the directory as a whole is unavailable, not that this change is bad.
   */
  static boolean tenantUnavailable(DirectoryException e) {
    return e.retryable() || e.kind() == DirectoryException.Kind.UNAUTHORIZED;
  }

  /**
   * @param tenantFailures the tenant's consecutive failures, this one included
   * @param rowAgeMillis how long ago the change was made
   */
  static Decision afterDirectoryError(DirectoryException e, int tenantFailures, long rowAgeMillis) {
    if (!tenantUnavailable(e)) {
      return new Decision(true, 0, false);
    }
    long wait =
        e.retryAfter().isPresent()
            ? Math.min(MAX_BACKOFF.toMillis(), e.retryAfter().get().toMillis())
            : backoff(tenantFailures);
    return new Decision(rowAgeMillis >= RETRY_WINDOW.toMillis(), wait, true);
  }

  /**
   * @param attempts the row's attempts, this one included
   */
  static Decision afterInternalError(int attempts) {
    return new Decision(attempts >= MAX_INTERNAL_ATTEMPTS, backoff(attempts), false);
  }

  /**
   * Exponential back-off for the {@code failures}-th consecutive failure: 1 s, 2 s, 4 s… capped at
   * {@link #MAX_BACKOFF}, with "equal jitter" (a random half), so tenants and nodes that failed
   * together do not retry together.
   */
  static long backoff(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 20));
    long base = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << doublings);
    return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
  }
}
