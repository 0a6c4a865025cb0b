package io.tenantsync.connector.reconcile;

import static io.tenantsync.connector.reconcile.Accounts.E3;
import static io.tenantsync.connector.reconcile.Accounts.E5;
import static io.tenantsync.connector.reconcile.Accounts.expected;
import static io.tenantsync.connector.reconcile.Accounts.inTenant;
import static io.tenantsync.connector.reconcile.Accounts.retained;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.reconcile.ReconcileFinding.Drifted;
import io.tenantsync.connector.reconcile.ReconcileFinding.Missing;
import io.tenantsync.connector.reconcile.ReconcileFinding.Unmanaged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileDiffTest {

  private final List<ReconcileFinding> findings = new ArrayList<>();

  private ReconcileCounts diff(List<ExpectedAccount> expected, DirectoryUser... tenant) {
    ReconcileDiff diff = new ReconcileDiff(expected, findings::add);
    for (DirectoryUser user : tenant) {
      diff.accept(user);
    }
    return diff.finish();
  }

  @Test
  void accountTheServerDoesNotKnowIsUnmanaged() {
    DirectoryUser stranger = inTenant("x1", "stranger@contoso.com", true);

    ReconcileCounts counts = diff(List.of(), stranger);

    assertEquals(List.of(new Unmanaged(stranger, false)), findings);
    assertEquals(new ReconcileCounts(1, 1, 0, 0, 0, 0), counts);
  }

  @Test
  void unknownOnPremisesSyncedAccountIsUnmanagedAndDirectorySynced() {
    DirectoryUser synced = inTenant("x1", "synced@contoso.com", true, true);

    diff(List.of(), synced);

    assertEquals(List.of(new Unmanaged(synced, true)), findings);
  }

  @Test
  void accountAsExpectedIsMatchedWithoutFinding() {
    ReconcileCounts counts =
        diff(
            List.of(expected("a1", "a@contoso.com", true, E3)),
            inTenant("a1", "a@contoso.com", true, E3));

    assertTrue(findings.isEmpty());
    assertEquals(new ReconcileCounts(1, 0, 0, 0, 0, 1), counts);
  }

  @Test
  void differentLicensesAreLicenseDrift() {
    ExpectedAccount expected = expected("a1", "a@contoso.com", true, E3);
    DirectoryUser actual = inTenant("a1", "a@contoso.com", true, E5);

    ReconcileCounts counts = diff(List.of(expected), actual);

    Drifted drift = (Drifted) findings.get(0);
    assertEquals(Set.of(DriftKind.LICENSES), drift.kinds());
    assertEquals(Set.of(E3), drift.missingSkuIds());
    assertEquals(Set.of(E5), drift.unexpectedSkuIds());
    assertEquals(expected, drift.expected());
    assertEquals(1, counts.drifted());
  }

  @Test
  void signInBlockedInTheTenantIsSignInDrift() {
    diff(List.of(expected("a1", "a@contoso.com", true)), inTenant("a1", "a@contoso.com", false));

    assertEquals(Set.of(DriftKind.SIGN_IN), ((Drifted) findings.get(0)).kinds());
  }

  @Test
  void upnChangedInTheTenantIsUpnDriftButCaseIsNot() {
    diff(
        List.of(
            expected("a1", "a@contoso.onmicrosoft.com", true),
            expected("b1", "b@contoso.com", true)),
        inTenant("a1", "adele@contoso.com", true),
        inTenant("b1", "B@Contoso.com", true));

    assertEquals(1, findings.size());
    assertEquals(Set.of(DriftKind.UPN_CHANGED), ((Drifted) findings.get(0)).kinds());
    assertEquals("a1", ((Drifted) findings.get(0)).objectId());
  }

  @Test
  void severalDifferencesAreOneFindingWithAllKinds() {
    diff(
        List.of(expected("a1", "a@contoso.com", true, E3)),
        inTenant("a1", "renamed@contoso.com", false));

    assertEquals(
        Set.of(DriftKind.LICENSES, DriftKind.SIGN_IN, DriftKind.UPN_CHANGED),
        ((Drifted) findings.get(0)).kinds());
  }

  @Test
  void expectedAccountNotListedIsMissing() {
    ExpectedAccount gone = expected("a1", "a@contoso.com", true, E3);

    ReconcileCounts counts = diff(List.of(gone));

    assertEquals(List.of(new Missing(gone, Missing.Reason.NOT_LISTED)), findings);
    assertEquals(new ReconcileCounts(0, 0, 0, 0, 1, 0), counts);
  }

  @Test
  void retainedAccountWithoutLicensesCountsAsRetained() {
    ReconcileCounts counts =
        diff(List.of(retained("r1", "r@contoso.com")), inTenant("r1", "r@contoso.com", true));

    assertTrue(findings.isEmpty());
    assertEquals(new ReconcileCounts(1, 0, 0, 1, 0, 0), counts);
  }

  @Test
  void retainedAccountLicensedInTheTenantIsDrift() {
    ReconcileCounts counts =
        diff(List.of(retained("r1", "r@contoso.com")), inTenant("r1", "r@contoso.com", true, E3));

    Drifted drift = (Drifted) findings.get(0);
    assertTrue(drift.expected().retained());
    assertEquals(Set.of(DriftKind.LICENSES), drift.kinds());
    assertEquals(new ReconcileCounts(1, 0, 1, 0, 0, 0), counts);
  }

  @Test
  void accountListedTwiceCountsOnce() {
    DirectoryUser a = inTenant("a1", "a@contoso.com", true);
    DirectoryUser x = inTenant("x1", "x@contoso.com", true);

    ReconcileCounts counts = diff(List.of(expected("a1", "a@contoso.com", true)), a, x, a, x);

    assertEquals(new ReconcileCounts(2, 1, 0, 0, 0, 1), counts);
    assertEquals(1, findings.size());
  }

  @Test
  void objectIdsCompareCaseInsensitively() {
    ReconcileCounts counts =
        diff(
            List.of(expected("ABC-1", "a@contoso.com", true)),
            inTenant("abc-1", "a@contoso.com", true));

    assertEquals(1, counts.matched());
    assertTrue(findings.isEmpty());
  }

  @Test
  void mapKeysMustBeTheObjectIds() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ReconcileDiff(
                Map.of("other", expected("a1", "a@contoso.com", true)), findings::add));
  }

  @Test
  void acceptAfterFinishIsRefusedAndFinishIsIdempotent() {
    ReconcileDiff diff =
        new ReconcileDiff(List.of(expected("a1", "a@contoso.com", true)), findings::add);
    ReconcileCounts first = diff.finish();

    assertThrows(
        IllegalStateException.class, () -> diff.accept(inTenant("a1", "a@contoso.com", true)));
    assertEquals(first, diff.finish());
    assertEquals(1, findings.size());
  }

  @Test
  void listedTellsWhichAccountsTheTenantHasSoLeaversCanBeFound() {
    ReconcileDiff diff =
        new ReconcileDiff(
            List.of(expected("a1", "a@contoso.com", true), expected("a2", "b@contoso.com", true)),
            findings::add);
    diff.accept(inTenant("A1", "a@contoso.com", true));
    diff.accept(inTenant("u1", "u@contoso.com", true));
    diff.finish();

    assertTrue(diff.listed("a1") && diff.listed("U1"), "seen, in any case");
    assertTrue(!diff.listed("a2"), "expected but not listed");
    assertTrue(!diff.listed("u2"), "an unmanaged account that left the tenant");
  }
}
