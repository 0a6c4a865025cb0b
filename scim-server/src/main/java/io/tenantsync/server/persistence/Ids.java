package io.tenantsync.server.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Resource ids: time-ordered UUIDs (version 7, RFC 9562), so that new rows land at the end of
 * primary-key indexes and id order roughly follows creation order. The JDK has no v7 generator.
 *
 * <p>Thread-safe.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
