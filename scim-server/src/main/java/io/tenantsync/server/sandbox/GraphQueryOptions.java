package io.tenantsync.server.sandbox;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Graph's query options as the sandbox reads them: {@code $top} (1–999, default 100, Graph's
 * refusal otherwise), {@code Prefer: odata.maxpagesize} for delta, and a 400 {@code
 * Request_UnsupportedQuery} for the options it does not implement ({@code $orderby}, {@code
 * $search}, {@code $expand}, {@code $skip}, {@code $count}, …) rather than silently ignoring them.
 * Stateless.
 */
final class GraphQueryOptions {
  static final int DEFAULT_TOP = 100;
  private static final int MAX_TOP = 999;
  private static final String MAX_PAGE_SIZE = "odata.maxpagesize=";
  private static final Set<String> UNSUPPORTED_OPTIONS =
      Set.of("$orderby", "$search", "$expand", "$skip", "$count", "$format", "$apply");

  private GraphQueryOptions() {}

  /** The query options, refusing those the sandbox does not implement (and {@code also}). */
  static MultivaluedMap<String, String> of(UriInfo uri, Set<String> also) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    for (String option : query.keySet()) {
      if (UNSUPPORTED_OPTIONS.contains(option) || also.contains(option)) {
        throw GraphError.unsupportedQuery(
            "The query option '" + option + "' is not supported here.");
      }
    }
    return query;
  }

  static int top(@Nullable String top) {
    if (top == null) {
      return DEFAULT_TOP;
    }
    try {
      int value = Integer.parseInt(top.trim());
      if (value >= 1 && value <= MAX_TOP) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw GraphError.badRequest(
        "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
  }

  /** {@code Prefer: odata.maxpagesize=N}, bounded to 1..999; null when not asked. */
  static @Nullable Integer preferredPageSize(HttpHeaders headers) {
    List<String> prefer = headers.getRequestHeader("Prefer");
    if (prefer == null) {
      return null;
    }
    for (String header : prefer) {
      for (String preference : header.split(",")) {
        String p = preference.trim();
        if (p.regionMatches(true, 0, MAX_PAGE_SIZE, 0, MAX_PAGE_SIZE.length())) {
          try {
            int size = Integer.parseInt(p.substring(MAX_PAGE_SIZE.length()).trim());
            return Math.max(1, Math.min(MAX_TOP, size));
          } catch (NumberFormatException e) {
            return null;
          }
        }
      }
    }
    return null;
  }
}
