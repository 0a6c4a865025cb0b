package io.tenantsync.server.protocol.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fragment of an HQL {@code where} clause with its named parameters ({@code :p0}, {@code :k0},
 * …). Values are always bound, never part of {@code hql}. Combine fragments with {@link #and},
 * which parenthesises both sides, rather than by string concatenation.
 *
 * <p>Immutable.
 */
public record HqlPredicate(String hql, Map<String, Object> parameters) {

  public HqlPredicate {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Both predicates: {@code (this) and (other)}; their parameter names must be distinct. */
  public HqlPredicate and(HqlPredicate other) {
    Map<String, Object> merged = new LinkedHashMap<>(parameters);
    for (Map.Entry<String, Object> entry : other.parameters.entrySet()) {
      if (merged.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
        throw new IllegalArgumentException("parameter :" + entry.getKey() + " is used twice");
      }
    }
    return new HqlPredicate("(" + hql + ") and (" + other.hql + ")", merged);
  }
}
