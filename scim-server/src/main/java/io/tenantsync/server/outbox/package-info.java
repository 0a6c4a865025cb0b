/**
 * The transactional outbox (API.md rule 12): rows written with each change, drained by workers that
 * apply them to the tenant directory through the connector.
 */
@NullMarked
package io.tenantsync.server.outbox;

import org.jspecify.annotations.NullMarked;
