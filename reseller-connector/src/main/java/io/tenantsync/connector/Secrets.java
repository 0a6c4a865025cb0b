package io.tenantsync.connector;

import org.jspecify.annotations.Nullable;

/** How secrets appear in {@code toString()} output and messages: never, only their presence. */
public final class Secrets {

  private Secrets() {}

  /** {@code "null"} for an absent secret, {@code "****"} for a present one. */
  public static String mask(@Nullable String secret) {
    return secret == null ? "null" : "****";
  }
}
