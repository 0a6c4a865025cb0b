/** Start-up configuration: one immutable record, read from the environment and validated once. */
@NullMarked
package io.tenantsync.server.config;

import org.jspecify.annotations.NullMarked;
