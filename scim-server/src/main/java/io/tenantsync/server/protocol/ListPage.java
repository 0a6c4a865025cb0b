package io.tenantsync.server.protocol;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, the total number of matches (read in the same transaction) and, under cursor
 * paging (RFC 9865), the cursors to the next and previous pages.
 */
public record ListPage<R>(
    List<R> resources,
    long totalResults,
    @Nullable String nextCursor,
    @Nullable String previousCursor) {

  public ListPage(List<R> resources, long totalResults) {
    this(resources, totalResults, null, null);
  }

  public <T> ListPage<T> map(Function<R, T> mapper) {
    return new ListPage<>(
        resources.stream().map(mapper).toList(), totalResults, nextCursor, previousCursor);
  }
}
