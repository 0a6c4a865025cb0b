/** Resellers: the partners that administer tenants through delegated-admin relationships. */
@NullMarked
package io.tenantsync.server.resellers;

import org.jspecify.annotations.NullMarked;
