package io.tenantsync.server.protocol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final String FINGERPRINT =
      CursorCodec.queryFingerprint("userName sw \"a\"", "userName", null);

  private final CursorCodec codec = codecAt(NOW, key(7));

  @Test
  void roundTripsEveryKindOfSortValue() throws BadRequestException {
    for (Object value :
        new Object[] {
          "bjensen", "ünïcödé ✓", 1305261754000L, 42, true, 2.5d, new BigDecimal("19.990"), null
        }) {
      CursorState state = state("tenant-a", value, NOW + 60_000, true);
      assertEquals(state, codec.decode(codec.encode(state), "tenant-a", FINGERPRINT));
    }
    CursorState backward = state("tenant-a", "m", NOW + 1, false);
    assertEquals(backward, codec.decode(codec.encode(backward), "tenant-a", FINGERPRINT));
  }

  @Test
  void tokensAreOpaqueBase64Url() {
    String token = codec.encode(state("tenant-a", "a/b+c", NOW + 60_000, true));
    assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
  }

  @Test
  void anyAlteredByteIsRejected() {
    String token = codec.encode(state("tenant-a", "bjensen", NOW + 60_000, true));
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = Arrays.copyOf(bytes, bytes.length);
      altered[i] ^= 0x01;
      assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(altered), "tenant-a");
    }
  }

  @Test
  void malformedTokensAreRejected() {
    String token = codec.encode(state("tenant-a", "bjensen", NOW + 60_000, true));
    assertInvalid(token.substring(0, token.length() - 3), "tenant-a");
    assertInvalid(token + "AA", "tenant-a");
    assertInvalid("not a cursor!", "tenant-a");
    assertInvalid("", "tenant-a");
    assertInvalid("A".repeat(10_000), "tenant-a");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRejected() {
    String foreign = codecAt(NOW, key(8)).encode(state("tenant-a", "x", NOW + 60_000, true));
    assertEquals(
        "the cursor is malformed or was altered; use a cursor exactly as a response returned it",
        assertInvalid(foreign, "tenant-a"));
  }

  @Test
  void aCursorOfAnotherTenantIsRejected() {
    String token = codec.encode(state("tenant-a", "x", NOW + 60_000, true));
    assertEquals("the cursor was issued to another tenant", assertInvalid(token, "tenant-b"));
  }

  @Test
  void aCursorOfAnotherQueryIsRejected() {
    String token = codec.encode(state("tenant-a", "x", NOW + 60_000, true));
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                codec.decode(
                    token,
                    "tenant-a",
                    CursorCodec.queryFingerprint("userName sw \"b\"", "userName", null)));
    assertEquals(CursorCodec.INVALID_CURSOR, e.getScimError().getScimType());
    assertTrue(e.getScimError().getDetail().startsWith("the cursor belongs to a different query"));
  }

  @Test
  void anExpiredCursorIsExpiredCursor() throws BadRequestException {
    String token = codec.encode(state("tenant-a", "x", NOW + 1_000, true));
    codecAt(NOW + 999, key(7)).decode(token, "tenant-a", FINGERPRINT);
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () -> codecAt(NOW + 1_000, key(7)).decode(token, "tenant-a", FINGERPRINT));
    assertEquals(CursorCodec.EXPIRED_CURSOR, e.getScimError().getScimType());
    assertEquals(400, e.getScimError().getStatus());
  }

  @Test
  void theKeyMustBe32Bytes() {
    assertThrows(IllegalArgumentException.class, () -> new CursorCodec(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> new CursorCodec(new byte[33]));
  }

  @Test
  void changingTheKeyArrayAfterwardsChangesNothing() throws BadRequestException {
    byte[] key = key(7);
    CursorCodec mine = new CursorCodec(key, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    String token = mine.encode(state("tenant-a", "x", NOW + 60_000, true));
    Arrays.fill(key, (byte) 0);
    assertEquals("x", mine.decode(token, "tenant-a", FINGERPRINT).lastSortValue());
  }

  @Test
  void fingerprintsAreStableAndDistinguishQueries() {
    assertEquals(FINGERPRINT, CursorCodec.queryFingerprint("userName sw \"a\"", "userName", null));
    assertEquals(
        FINGERPRINT, CursorCodec.queryFingerprint("userName sw \"a\"", "USERNAME", "Ascending"));
    assertNotEquals(
        FINGERPRINT, CursorCodec.queryFingerprint("userName sw \"A\"", "userName", null));
    assertNotEquals(
        FINGERPRINT, CursorCodec.queryFingerprint("userName sw \"a\"", "userName", "descending"));
    assertNotEquals(
        FINGERPRINT, CursorCodec.queryFingerprint("userName sw \"a\"", "displayName", null));
    assertNotEquals(
        CursorCodec.queryFingerprint("ab", "c", null),
        CursorCodec.queryFingerprint("a", "bc", null));
    assertNotEquals(
        CursorCodec.queryFingerprint(null, null, null), CursorCodec.queryFingerprint("", "", "x"));
  }

  @Test
  void onlyColumnValueTypesCanBeCarried() {
    assertThrows(IllegalArgumentException.class, () -> state("tenant-a", Instant.EPOCH, NOW, true));
  }

  private String assertInvalid(String token, String tenantId) {
    BadRequestException e =
        assertThrows(BadRequestException.class, () -> codec.decode(token, tenantId, FINGERPRINT));
    assertEquals(CursorCodec.INVALID_CURSOR, e.getScimError().getScimType());
    assertEquals(400, e.getScimError().getStatus());
    return e.getScimError().getDetail();
  }

  private static CursorState state(String tenant, Object value, long expires, boolean forward) {
    return new CursorState(tenant, FINGERPRINT, value, "2c9a-id", expires, forward, 42);
  }

  private static CursorCodec codecAt(long millis, byte[] key) {
    return new CursorCodec(key, Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  private static byte[] key(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    return key;
  }
}
