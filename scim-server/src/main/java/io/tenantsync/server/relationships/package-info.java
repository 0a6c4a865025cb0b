/** Delegated administration (R28–R30): resellers' offers and the relationships tenants accept. */
@NullMarked
package io.tenantsync.server.relationships;

import org.jspecify.annotations.NullMarked;
