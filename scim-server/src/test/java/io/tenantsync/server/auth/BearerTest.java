package io.tenantsync.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 6750 §2.1: {@code Authorization: Bearer <secret>}, the scheme in any case. */
class BearerTest {
  @Test
  void theSecretAfterTheSchemeInAnyCase() {
    assertEquals(Optional.of("s3cret"), Bearer.secret("Bearer s3cret"));
    assertEquals(Optional.of("s3cret"), Bearer.secret("bearer   s3cret  "));
    assertEquals(Optional.of("s3cret"), Bearer.secret("BEARER s3cret"));
  }

  @Test
  void nothingWithoutABearerSecret() {
    assertEquals(Optional.empty(), Bearer.secret(null));
    assertEquals(Optional.empty(), Bearer.secret(""));
    assertEquals(Optional.empty(), Bearer.secret("Bearer"));
    assertEquals(Optional.empty(), Bearer.secret("Bearer    "));
    assertEquals(Optional.empty(), Bearer.secret("Basic dXNlcjpwYXNz"));
    assertEquals(Optional.empty(), Bearer.secret("Bearers3cret"));
  }
}
