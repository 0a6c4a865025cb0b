/**
 * TenantSync's reseller semantics (API.md, "Semantics that clients rely on"), black-box: needs the
 * installation API ({@code --installation-url}, {@code --operator-token}) and is skipped without
 * it. Each check works in tenants and resellers of its own, created with the operator token.
 */
@NullMarked
package io.tenantsync.conformance.checks.reseller;

import org.jspecify.annotations.NullMarked;
