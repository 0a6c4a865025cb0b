/**
 * Hibernate bootstrap, the transaction boundary and row conventions. The schema lives only in the
 * versioned migrations under {@code resources/db/migration}.
 */
@NullMarked
package io.tenantsync.server.persistence;

import org.jspecify.annotations.NullMarked;
