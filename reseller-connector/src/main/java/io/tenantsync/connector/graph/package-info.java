/**
 * The Microsoft Graph v1.0 implementation of {@link io.tenantsync.connector.TenantDirectory}, used
 * for real tenants and for the server's built-in sandbox alike.
 *
 * <p>Contract of the package:
 *
 * <ul>
 *   <li>{@link io.tenantsync.connector.graph.GraphClient} is the one place that sends requests:
 *       bearer token, {@code Accept: application/json}, timeouts, retries (429/503/504 honour
 *       {@code Retry-After}; other transient failures back off exponentially with jitter and a
 *       cap), one token refresh on 401, {@code @odata.nextLink} paging restricted to the configured
 *       origin.
 *   <li>{@link io.tenantsync.connector.graph.GraphErrors} is the one function that turns a Graph
 *       response into a {@link io.tenantsync.connector.DirectoryException}.
 *   <li>{@code Graph*} wire records mirror Graph's JSON and stay package-private; {@link
 *       io.tenantsync.connector.graph.GraphMapper} is the only translation to the port records.
 *   <li>Secrets (passwords, client secrets, access tokens) are never logged and never appear in
 *       {@code toString()} or exception messages. Request bodies are never logged.
 * </ul>
 */
@NullMarked
package io.tenantsync.connector.graph;

import org.jspecify.annotations.NullMarked;
