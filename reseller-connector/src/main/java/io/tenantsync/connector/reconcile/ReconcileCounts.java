package io.tenantsync.connector.reconcile;

/**
 * What a reconciliation counted. Every scanned account is exactly one of {@code unmanaged}, {@code
 * drifted} (retained ones included), {@code retained} (retained and as expected) or {@code matched}
 * (managed and as expected). {@code missing} counts expected accounts the directory did not have.
 * In a delta round, {@code scanned} counts changes, removals included.
 */
public record ReconcileCounts(
    long scanned, long unmanaged, long drifted, long retained, long missing, long matched) {

  public static final ReconcileCounts ZERO = new ReconcileCounts(0, 0, 0, 0, 0, 0);
}
