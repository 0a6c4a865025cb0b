package io.tenantsync.connector.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Graph collection: {@code {"value":[…],"@odata.nextLink":"…"}}; the last page of a
 * delta round carries {@code @odata.deltaLink} instead of a next link.
 */
record GraphPage<T>(
    @Nullable List<T> value,
    @JsonProperty("@odata.nextLink") @Nullable String nextLink,
    @JsonProperty("@odata.deltaLink") @Nullable String deltaLink) {}
