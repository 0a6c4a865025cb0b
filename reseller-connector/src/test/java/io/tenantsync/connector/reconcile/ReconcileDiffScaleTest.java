package io.tenantsync.connector.reconcile;

import static io.tenantsync.connector.reconcile.Accounts.E3;
import static io.tenantsync.connector.reconcile.Accounts.E5;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tenantsync.connector.AssignedLicense;
import io.tenantsync.connector.DirectoryUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 100,000 expected accounts against a streamed directory of 100,000: only counts are asserted
 * (surefire's default heap is enough; the listing is generated, never materialised).
 */
class ReconcileDiffScaleTest {

  private static final int EXPECTED = 100_000;

  private static String id(int i) {
    return "00000000-0000-4000-8000-%012d".formatted(i);
  }

  @Test
  void hundredThousandAccountsAreDiffedByStreaming() {
    Map<String, ExpectedAccount> expected = new HashMap<>();
    for (int i = 0; i < EXPECTED; i++) {
      boolean retained = i % 10 == 9;
      expected.put(
          id(i),
          new ExpectedAccount(
              id(i),
              "user" + i + "@contoso.com",
              true,
              retained ? Set.of() : Set.of(E3),
              retained));
    }
    AtomicLong unmanaged = new AtomicLong();
    AtomicLong drifted = new AtomicLong();
    AtomicLong missing = new AtomicLong();
    ReconcileDiff diff =
        new ReconcileDiff(
            expected,
            f -> {
              if (f instanceof ReconcileFinding.Unmanaged) {
                unmanaged.incrementAndGet();
              } else if (f instanceof ReconcileFinding.Drifted) {
                drifted.incrementAndGet();
              } else if (f instanceof ReconcileFinding.Missing) {
                missing.incrementAndGet();
              } else {
                throw new AssertionError(f);
              }
            });

    // The tenant: accounts 0..96,999 (3,000 expected ones deleted), every 50th drifted to E5,
    // plus 3,000 created directly in the tenant.
    for (int i = 0; i < 97_000; i++) {
      boolean retained = i % 10 == 9;
      List<AssignedLicense> licenses =
          retained ? List.of() : List.of(new AssignedLicense(i % 50 == 0 ? E5 : E3, List.of()));
      diff.accept(user(id(i), "user" + i + "@contoso.com", licenses));
    }
    for (int i = 0; i < 3_000; i++) {
      diff.accept(user(id(EXPECTED + i), "direct" + i + "@contoso.com", List.of()));
    }
    ReconcileCounts counts = diff.finish();

    long driftedExpected = 97_000 / 50; // i % 50 == 0 is never retained (i % 10 == 0)
    long retainedExpected = 97_000 / 10;
    assertEquals(
        new ReconcileCounts(
            100_000,
            3_000,
            driftedExpected,
            retainedExpected,
            3_000,
            97_000 - driftedExpected - retainedExpected),
        counts);
    assertEquals(3_000, unmanaged.get());
    assertEquals(driftedExpected, drifted.get());
    assertEquals(3_000, missing.get());
  }

  private static DirectoryUser user(String id, String upn, List<AssignedLicense> licenses) {
    return new DirectoryUser(
        id, upn, null, null, null, null, null, true, "DE", false, licenses, List.of(), null, null);
  }
}
