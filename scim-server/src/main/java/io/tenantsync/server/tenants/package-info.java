/** Tenants: customer organisations, their domains, directory settings and per-tenant choices. */
@NullMarked
package io.tenantsync.server.tenants;

import org.jspecify.annotations.NullMarked;
