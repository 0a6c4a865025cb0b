package io.tenantsync.server.auth;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The secret of an {@code Authorization: Bearer <secret>} header (RFC 6750 §2.1). */
public final class Bearer {
  private static final String SCHEME = "bearer ";

  private Bearer() {}

  /** Empty when the header is absent, of another scheme, or carries no secret. */
  public static Optional<String> secret(@Nullable String authorization) {
    if (authorization == null || authorization.length() <= SCHEME.length()) {
      return Optional.empty();
    }
    if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String secret = authorization.substring(SCHEME.length()).trim();
    return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
  }
}
