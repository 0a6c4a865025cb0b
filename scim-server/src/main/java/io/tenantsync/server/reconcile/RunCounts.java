package io.tenantsync.server.reconcile;

/**
 * What one run counted (API.md, {@code Reconciliations}): accounts {@code scanned}; {@code
 * unmanaged} accounts mirrored as unmanaged Users; managed accounts {@code drifted} from what the
 * server expects (restored-in-the-tenant ones included); {@code retained} accounts found as
 * expected; expected accounts {@code missing} from the tenant; findings that could not be applied
 * ({@code failed}).
 */
public record RunCounts(
    long scanned, long unmanaged, long drifted, long retained, long missing, long failed) {

  public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0);
}
