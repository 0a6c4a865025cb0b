package io.tenantsync.server.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static final long HOUR = Duration.ofHours(1).toMillis();

  static DirectoryException error(Kind kind, boolean retryable, Duration retryAfter) {
    return new DirectoryException(kind, 0, "Code", "message", retryable, retryAfter, null);
  }

  @Test
  void anUnavailableDirectoryPausesTheTenantAndKeepsTheRowForTheWholeWindow() {
    for (int failures = 1; failures <= 500; failures++) {
      RetryPolicy.Decision d =
          RetryPolicy.afterDirectoryError(error(Kind.UNAVAILABLE, true, null), failures, 71 * HOUR);
      assertFalse(d.giveUp(), "a retryable error never fails the row for its count alone");
      assertTrue(d.pauseTenant());
    }
    assertTrue(
        RetryPolicy.afterDirectoryError(error(Kind.TIMEOUT, true, null), 3, 72 * HOUR).giveUp(),
        "undelivered after the 72 h window");
    RetryPolicy.Decision refusedCredentials =
        RetryPolicy.afterDirectoryError(error(Kind.UNAUTHORIZED, false, null), 1, 0);
    assertTrue(refusedCredentials.pauseTenant() && !refusedCredentials.giveUp(), "tenant-wide");
  }

  @Test
  void aRefusedChangeFailsAtOnceWithoutPausingTheTenant() {
    for (Kind kind : new Kind[] {Kind.BAD_REQUEST, Kind.CONFLICT, Kind.FORBIDDEN, Kind.NOT_FOUND}) {
      RetryPolicy.Decision d = RetryPolicy.afterDirectoryError(error(kind, false, null), 1, 0);
      assertTrue(d.giveUp(), kind.toString());
      assertFalse(d.pauseTenant(), kind.toString());
    }
  }

  @Test
  void backOffGrowsWithTheTenantsConsecutiveFailuresUpToTheCap() {
    for (int failures = 1; failures <= 12; failures++) {
      long base = Math.min(RetryPolicy.MAX_BACKOFF.toMillis(), 1000L << (failures - 1));
      for (int i = 0; i < 50; i++) {
        long wait =
            RetryPolicy.afterDirectoryError(error(Kind.UNAVAILABLE, true, null), failures, 0)
                .retryInMillis();
        assertTrue(wait >= base / 2 && wait <= base, failures + " failures: " + wait);
      }
    }
    assertTrue(RetryPolicy.backoff(Integer.MAX_VALUE) <= RetryPolicy.MAX_BACKOFF.toMillis());
  }

  @Test
  void retryAfterWinsButIsCapped() {
    assertEquals(
        7_000,
        RetryPolicy.afterDirectoryError(error(Kind.THROTTLED, true, Duration.ofSeconds(7)), 9, 0)
            .retryInMillis());
    assertEquals(
        RetryPolicy.MAX_BACKOFF.toMillis(),
        RetryPolicy.afterDirectoryError(error(Kind.THROTTLED, true, Duration.ofHours(5)), 1, 0)
            .retryInMillis());
  }

  @Test
  void anInternalErrorRetriesTheRowAloneAFewTimes() {
    for (int attempt = 1; attempt < RetryPolicy.MAX_INTERNAL_ATTEMPTS; attempt++) {
      RetryPolicy.Decision d = RetryPolicy.afterInternalError(attempt);
      assertFalse(d.giveUp() || d.pauseTenant());
    }
    assertTrue(RetryPolicy.afterInternalError(RetryPolicy.MAX_INTERNAL_ATTEMPTS).giveUp());
  }
}
