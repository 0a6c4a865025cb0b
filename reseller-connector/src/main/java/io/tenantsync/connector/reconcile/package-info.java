/**
 * The reconciliation diff (R5, R17, R4): the tenant directory as it is versus the accounts the
 * server expects, as findings. Pure: no I/O, no clock, no logging.
 *
 * <p>{@link io.tenantsync.connector.reconcile.ReconcileDiff} compares a full listing streamed
 * account by account and then reports what was never seen; {@link
 * io.tenantsync.connector.reconcile.DeltaReconciler} does the same for the changes of one delta
 * round. Both emit {@link io.tenantsync.connector.reconcile.ReconcileFinding}s to a sink and count
 * into {@link io.tenantsync.connector.reconcile.ReconcileCounts}; memory is bounded by the expected
 * accounts, never by the directory.
 */
@NullMarked
package io.tenantsync.connector.reconcile;

import org.jspecify.annotations.NullMarked;
