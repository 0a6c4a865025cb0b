package io.tenantsync.connector.reconcile;

import io.tenantsync.connector.DirectoryUser;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Classifies one seen account, emits its finding and counts it; shared by the full and delta
 * reconciliations. Not thread-safe: one per run.
 */
final class Tally {

  private final Consumer<? super ReconcileFinding> sink;
  private long scanned;
  private long unmanaged;
  private long drifted;
  private long retained;
  private long missing;
  private long matched;

  Tally(Consumer<? super ReconcileFinding> sink) {
    this.sink = sink;
  }

  /** An account present in the directory, with what the server expects of it (null: nothing). */
  void seen(@Nullable ExpectedAccount expected, DirectoryUser actual) {
    scanned++;
    if (expected == null) {
      unmanaged++;
      sink.accept(new ReconcileFinding.Unmanaged(actual, actual.onPremisesSyncEnabled()));
      return;
    }
    Set<DriftKind> kinds = AccountComparison.drift(expected, actual);
    if (!kinds.isEmpty()) {
      drifted++;
      sink.accept(new ReconcileFinding.Drifted(actual.id(), kinds, actual, expected));
    } else if (expected.retained()) {
      retained++;
    } else {
      matched++;
    }
  }

  void missing(ExpectedAccount expected, ReconcileFinding.Missing.Reason reason) {
    missing++;
    sink.accept(new ReconcileFinding.Missing(expected, reason));
  }

  /** A removal that concerns no expected account (delta only). */
  void removedUnmanaged(String objectId, boolean restorable) {
    sink.accept(new ReconcileFinding.UnmanagedRemoved(objectId, restorable));
  }

  void scannedOnly() {
    scanned++;
  }

  ReconcileCounts counts() {
    return new ReconcileCounts(scanned, unmanaged, drifted, retained, missing, matched);
  }
}
