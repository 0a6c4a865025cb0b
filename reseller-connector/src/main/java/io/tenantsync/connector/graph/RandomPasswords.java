package io.tenantsync.connector.graph;

import java.security.SecureRandom;

/**
 * Generates the initial password of an account created without one: 24 characters from upper,
 * lower, digit and symbol classes (each present), which satisfies Entra ID's complexity rules.
 * Nobody learns it; the user signs in through federation or resets it. Thread-safe.
 */
final class RandomPasswords {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%+-=?@^_";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final int LENGTH = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomPasswords() {}

  static String generate() {
    char[] out = new char[LENGTH];
    out[0] = pick(UPPER);
    out[1] = pick(LOWER);
    out[2] = pick(DIGITS);
    out[3] = pick(SYMBOLS);
    for (int i = 4; i < LENGTH; i++) {
      out[i] = pick(ALL);
    }
    for (int i = LENGTH - 1; i > 0; i--) { // Fisher–Yates, so the classes are not in front
      int j = RANDOM.nextInt(i + 1);
      char t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return new String(out);
  }

  private static char pick(String alphabet) {
    return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
  }
}
