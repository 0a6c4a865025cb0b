package io.tenantsync.server.protocol.query;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows one caller may list, as an HQL restriction over the catalog's root alias with its
 * parameters, and the key that cursors are bound to: a cursor issued in one scope is refused in
 * every other ({@code invalidCursor}). Immutable.
 *
 * @param owner what cursors are bound to: the tenant id, or the caller for installation-level lists
 * @param restriction HQL condition (may be null: everything the query's base restriction allows)
 */
public record Scope(String owner, @Nullable String restriction, Map<String, Object> parameters) {

  public Scope {
    parameters = Map.copyOf(parameters);
  }

  /** One tenant's resources: binds {@code :tenant}, which the base restriction uses. */
  public static Scope tenant(String tenantId) {
    return new Scope(tenantId, null, Map.of("tenant", tenantId));
  }

  /** Everything the base restriction allows (e.g. the operator's view). */
  public static Scope everything(String owner) {
    return new Scope(owner, null, Map.of());
  }

  /** Only rows matching {@code restriction}, with one named parameter. */
  public static Scope where(String owner, String restriction, String parameter, Object value) {
    return new Scope(owner, restriction, Map.of(parameter, value));
  }
}
