/**
 * What every SCIM resource shares (RFC 7644): media types, the error mappers (one place turns
 * exceptions into SCIM errors), request limits, filters to SQL, paging, projection, ETags.
 */
@NullMarked
package io.tenantsync.server.protocol;

import org.jspecify.annotations.NullMarked;
