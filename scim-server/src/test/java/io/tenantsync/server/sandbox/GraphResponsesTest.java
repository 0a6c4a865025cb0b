package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Graph's error {@code innerError.date} always carries seconds, also on the minute. */
class GraphResponsesTest {
  @Test
  void innerErrorDateWritesSecondsEvenWhenZero() {
    assertEquals(
        "2026-12-03T17:21:00",
        GraphResponses.innerErrorDate(LocalDateTime.of(2026, 12, 3, 17, 21, 0, 0)));
    assertEquals(
        "2026-01-05T09:04:07",
        GraphResponses.innerErrorDate(LocalDateTime.of(2026, 1, 5, 9, 4, 7, 999_000_000)));
  }
}
