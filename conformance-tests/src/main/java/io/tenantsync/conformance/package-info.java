/**
 * A black-box SCIM 2.0 conformance suite that speaks only HTTP (RFC 7643, RFC 7644, RFC 9865).
 *
 * <p>The plumbing lives here: {@link io.tenantsync.conformance.ScimTarget} (which server, which
 * token), {@link io.tenantsync.conformance.ScimHttp} (the one request helper), {@link
 * io.tenantsync.conformance.ResponseAssert} (assertions on raw HTTP that print the exchange only
 * when they fail), {@link io.tenantsync.conformance.ServiceProviderConfig} (which optional features
 * the server advertises) and {@link io.tenantsync.conformance.ConformanceRunner} (the standalone
 * command line). The checks themselves are JUnit 5 classes in {@code checks} (RFC behaviour and
 * TenantSync's reseller semantics) and {@code replay} (what Microsoft Entra ID and Okta send),
 * grouped into {@link io.tenantsync.conformance.Section sections}.
 */
@NullMarked
package io.tenantsync.conformance;

import org.jspecify.annotations.NullMarked;
