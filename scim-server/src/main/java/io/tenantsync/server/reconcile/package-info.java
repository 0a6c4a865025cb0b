/**
 * Reconciliation (R5, API.md rule 8 and the {@code Reconciliations} resource): compares each
 * tenant's directory with what this server expects, on a schedule and on request. Accounts created
 * directly in the tenant become unmanaged Users; drift (licenses, sign-in, UPN, deleted or restored
 * accounts) is recorded and, if the tenant chose so, repaired through the outbox. Graph-mode
 * tenants also get their Products from the directory's subscribedSkus.
 */
@NullMarked
package io.tenantsync.server.reconcile;

import org.jspecify.annotations.NullMarked;
