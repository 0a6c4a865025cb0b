/** Service provider discovery (RFC 7644 §4): configuration, resource types and schemas. */
@NullMarked
package io.tenantsync.server.discovery;

import org.jspecify.annotations.NullMarked;
