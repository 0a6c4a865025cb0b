/**
 * Bearer tokens, principals ({@link io.tenantsync.server.auth.Caller}) and their resolution. Which
 * tenants a principal reaches, and with which rights, is decided in {@code tenants.TenantAccess}.
 */
@NullMarked
package io.tenantsync.server.auth;

import org.jspecify.annotations.NullMarked;
