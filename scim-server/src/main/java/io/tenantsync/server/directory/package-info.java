/**
 * The server's side of the connector: which {@link io.tenantsync.connector.TenantDirectory} serves
 * each tenant, and the credentials the connector uses.
 */
@NullMarked
package io.tenantsync.server.directory;

import org.jspecify.annotations.NullMarked;
