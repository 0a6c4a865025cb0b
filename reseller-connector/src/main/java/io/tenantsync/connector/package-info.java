/**
 * The tenant directory port: everything the server needs from a customer tenant's directory,
 * expressed in directory terms (accounts, licenses, subscribed SKUs, changes) and nothing else.
 *
 * <p>Contract of the package:
 *
 * <ul>
 *   <li>{@link io.tenantsync.connector.TenantDirectory} is the only seam the server codes against;
 *       {@code graph} implements it for Microsoft Graph v1.0 (real tenants and the built-in sandbox
 *       alike).
 *   <li>Every failure of a directory call is an unchecked {@link
 *       io.tenantsync.connector.DirectoryException} that says whether retrying later can help.
 *   <li>Port records are immutable value types; lists are never null. Records that carry a password
 *       never print it.
 *   <li>Nothing here knows about HTTP serving, SCIM or persistence.
 * </ul>
 */
@NullMarked
package io.tenantsync.connector;

import org.jspecify.annotations.NullMarked;
