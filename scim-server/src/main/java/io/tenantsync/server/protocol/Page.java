package io.tenantsync.server.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Index paging (RFC 7644 §3.4.2.4): a 1-based {@code startIndex} and a {@code count}. Out-of-range
 * values clamp as the RFC says: a startIndex below 1 means 1, a negative count means 0, and a count
 * above {@link RequestLimits#MAX_PAGE_SIZE} is cut to it.
 */
public record Page(int startIndex, int count) {

  public static Page of(@Nullable Integer startIndex, @Nullable Integer count) {
    int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
    int size = count == null ? RequestLimits.DEFAULT_PAGE_SIZE : count;
    size = Math.max(0, Math.min(size, RequestLimits.MAX_PAGE_SIZE));
    return new Page(start, size);
  }

  public int offset() {
    return startIndex - 1;
  }
}
