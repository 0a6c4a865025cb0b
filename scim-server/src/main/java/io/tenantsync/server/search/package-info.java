/** Searches that span resource types: {@code POST .search} at a tenant's SCIM root. */
@NullMarked
package io.tenantsync.server.search;

import org.jspecify.annotations.NullMarked;
