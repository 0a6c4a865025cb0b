/**
 * SCIM list queries in the database (RFC 7644 §3.4.2, RFC 9865): a parsed SCIM filter becomes an
 * HQL predicate on indexed columns, {@code sortBy}/{@code sortOrder} an HQL {@code order by} with a
 * total order, and a signed, tenant-bound cursor a keyset predicate.
 *
 * <p>Contract: nothing here touches a database or a session; every class produces HQL text plus
 * named parameters (values are always bound, never spliced into the text), and every client error
 * is a {@link com.unboundid.scim2.common.exceptions.BadRequestException} with the scimType the RFCs
 * define ({@code invalidFilter}, {@code invalidValue}, {@code invalidCursor}, {@code
 * expiredCursor}). Which SCIM attribute lives in which column is the caller's {@link
 * io.tenantsync.server.protocol.query.AttributeCatalog}; an attribute it does not list cannot be
 * filtered or sorted on. Tenant scoping is the caller's: it adds {@code alias.tenantId = :tenant}
 * next to these predicates.
 */
@NullMarked
package io.tenantsync.server.protocol.query;

import org.jspecify.annotations.NullMarked;
