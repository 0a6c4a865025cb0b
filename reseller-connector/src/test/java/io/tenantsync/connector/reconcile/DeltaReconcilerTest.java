package io.tenantsync.connector.reconcile;

import static io.tenantsync.connector.reconcile.Accounts.E3;
import static io.tenantsync.connector.reconcile.Accounts.expected;
import static io.tenantsync.connector.reconcile.Accounts.inTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.reconcile.ReconcileFinding.Missing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeltaReconcilerTest {

  private final List<ReconcileFinding> findings = new ArrayList<>();
  private final ExpectedAccount managed = expected("a1", "a@contoso.com", true, E3);
  private final DeltaReconciler reconciler =
      DeltaReconciler.of(Map.of("a1", managed), findings::add);

  @Test
  void softDeletedManagedAccountIsMissingAndRestorable() {
    reconciler.apply(new DirectoryChange.Removed("a1", DirectoryChange.Removed.SOFT_DELETED));

    assertEquals(List.of(new Missing(managed, Missing.Reason.SOFT_DELETED)), findings);
    assertEquals(new ReconcileCounts(1, 0, 0, 0, 1, 0), reconciler.counts());
  }

  @Test
  void hardDeletedManagedAccountIsMissingForGood() {
    reconciler.apply(new DirectoryChange.Removed("A1", DirectoryChange.Removed.HARD_DELETED));

    assertEquals(List.of(new Missing(managed, Missing.Reason.HARD_DELETED)), findings);
  }

  @Test
  void removalOfAnAccountTheServerDoesNotManageIsReportedForItsUnmanagedRecord() {
    reconciler.apply(new DirectoryChange.Removed("x1", DirectoryChange.Removed.SOFT_DELETED));

    assertEquals(List.of(new ReconcileFinding.UnmanagedRemoved("x1", true)), findings);
    assertEquals(0, reconciler.counts().missing());
  }

  @Test
  void upsertsAreClassifiedLikeAFullListing() {
    DirectoryUser stranger = inTenant("x1", "x@contoso.com", true);
    reconciler.apply(new DirectoryChange.Upserted(inTenant("a1", "a@contoso.com", false, E3)));
    reconciler.apply(new DirectoryChange.Upserted(stranger));

    assertEquals(Set.of(DriftKind.SIGN_IN), ((ReconcileFinding.Drifted) findings.get(0)).kinds());
    assertEquals(new ReconcileFinding.Unmanaged(stranger, false), findings.get(1));
    assertEquals(new ReconcileCounts(2, 1, 1, 0, 0, 0), reconciler.counts());
  }
}
