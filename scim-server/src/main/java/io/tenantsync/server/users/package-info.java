/**
 * Users of a tenant (RFC 7643 §4.1 + enterprise + reseller extensions): endpoint, service, entity,
 * mapper and queries.
 */
@NullMarked
package io.tenantsync.server.users;

import org.jspecify.annotations.NullMarked;
