package io.tenantsync.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every section against the default target (no {@code -Dscim.baseUrl}): TenantSync in-process via
 * {@link EmbeddedTenantSyncProvider}, on H2 or MariaDB as the failsafe execution says. Pass {@code
 * -Dscim.baseUrl=… -Dscim.token=…} to run the same checks against a running server instead.
 */
@Suite
@SuiteDisplayName("SCIM conformance against TenantSync")
@SelectPackages("io.tenantsync.conformance")
@IncludeClassNamePatterns(".*(Checks|Replays)$")
class ConformanceSuiteIT {}
