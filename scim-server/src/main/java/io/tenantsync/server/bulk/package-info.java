/**
 * SCIM Bulk (RFC 7644 §3.7): {@code POST /scim/v2/tenants/{tenantId}/Bulk} runs many POST, PUT,
 * PATCH and DELETE operations on Users and Groups in one request, each in its own transaction,
 * resolving {@code bulkId} references between them. Resource types plug in through {@link
 * io.tenantsync.server.bulk.BulkTarget}.
 */
@NullMarked
package io.tenantsync.server.bulk;

import org.jspecify.annotations.NullMarked;
