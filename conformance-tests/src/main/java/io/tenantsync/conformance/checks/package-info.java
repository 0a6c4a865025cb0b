/**
 * RFC 7643 / RFC 7644 / RFC 9865 checks, one class per section ({@code @Tag} = section name), and
 * TenantSync's reseller semantics in {@code reseller}. Each check names the behaviour it proves.
 */
@NullMarked
package io.tenantsync.conformance.checks;

import org.jspecify.annotations.NullMarked;
