/**
 * CSV import of many users at once (R21): parsing, per-line application, HTTP and CLI entry points.
 */
@NullMarked
package io.tenantsync.server.imports;

import org.jspecify.annotations.NullMarked;
