package io.tenantsync.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.OptionalLong;

/**
 * Which stored tokens this node found able to read in which tenant, each with the {@link
 * ReachGeneration} it was resolved at and the time its relationship expires. A caller may trust an
 * entry only after reading, in the statement that serves the request, the same generation: then no
 * change that narrows a reach has committed since, on any node. Bounded (least recently used go
 * first); thread-safe.
 */
public final class ReachCache {
  private static final int MAXIMUM_ENTRIES = 100_000;

  private record Key(String tokenHash, String tenantId) {}

  /**
   * @param generation the counter read with the reach
   * @param validUntil epoch milliseconds when the earliest relationship it relied on expires
   */
  private record Entry(long generation, long validUntil) {}

  private final Cache<Key, Entry> entries =
      Caffeine.newBuilder().maximumSize(MAXIMUM_ENTRIES).build();

  /**
   * The generation at which the token was found able to read in the tenant, if this node has one
   * whose relationship has not expired by {@code now} (epoch milliseconds).
   */
  public OptionalLong generation(String tokenHash, String tenantId, long now) {
    Entry entry = entries.getIfPresent(new Key(tokenHash, tenantId));
    return entry == null || now >= entry.validUntil()
        ? OptionalLong.empty()
        : OptionalLong.of(entry.generation());
  }

  /**
   * Remembers that the token could read in the tenant at {@code generation}, until {@code
   * validUntil} ({@link Long#MAX_VALUE}: no expiry). Of two resolutions racing, the later
   * generation stays: an earlier one would only be found stale.
   */
  public void remember(String tokenHash, String tenantId, long generation, long validUntil) {
    entries
        .asMap()
        .merge(
            new Key(tokenHash, tenantId),
            new Entry(generation, validUntil),
            (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
  }
}
