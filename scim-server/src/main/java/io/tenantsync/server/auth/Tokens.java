package io.tenantsync.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer token secrets: 256 random bits, shown once, stored only as a SHA-256 hash. A plain hash
 * (not a slow password hash) is right here because the secret is random and high-entropy, and it
 * lets the hash itself be the indexed lookup key. Thread-safe.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "ts_";

  private Tokens() {}

  /** A new secret, e.g. {@code ts_3q2-…} (46 characters). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** The first characters of a secret, kept so an operator can tell tokens apart. */
  public static String displayPrefix(String secret) {
    return secret.substring(0, Math.min(secret.length(), 10));
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
