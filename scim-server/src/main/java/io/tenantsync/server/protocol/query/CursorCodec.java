package io.tenantsync.server.protocol.query;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Cursor values (RFC 9865 {@code cursor}, {@code nextCursor}, {@code previousCursor}): a {@link
 * CursorState} as an opaque base64url token, signed with HMAC-SHA256 so a client can neither forge
 * a position nor move a cursor to another tenant or query.
 *
 * <p>Token: base64url without padding of {@code version(1) ‖ state ‖ HMAC-SHA256(version ‖ state)}.
 * The state is signed, not encrypted: it holds nothing the client could not list for itself. {@link
 * #decode} answers 400 {@code invalidCursor} for a malformed, altered, foreign-tenant or
 * other-query token and {@code expiredCursor} for an expired one.
 *
 * <p>Thread-safe: the key is copied and a {@link Mac} is made per call.
 */
public final class CursorCodec {
  public static final String INVALID_CURSOR = "invalidCursor";
  public static final String EXPIRED_CURSOR = "expiredCursor";
  private static final String HMAC = "HmacSHA256";
  private static final int MAC_LENGTH = 32;
  private static final byte VERSION = 2;
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final SecretKeySpec key;
  private final Clock clock;

  /** A codec with a 32-byte secret shared by every server instance. */
  public CursorCodec(byte[] key) {
    this(key, Clock.systemUTC());
  }

  public CursorCodec(byte[] key, Clock clock) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the cursor key must be 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), HMAC);
    this.clock = clock;
  }

  public String encode(CursorState state) {
    byte[] signed = payload(state);
    byte[] token = Arrays.copyOf(signed, signed.length + MAC_LENGTH);
    System.arraycopy(mac(signed), 0, token, signed.length, MAC_LENGTH);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** The state of {@code token}, if it was issued for this tenant and query and has not expired. */
  public CursorState decode(String token, String tenantId, String queryFingerprint)
      throws BadRequestException {
    CursorState state = verified(token);
    if (!state.tenantId().equals(tenantId)) {
      throw new BadRequestException("the cursor was issued to another tenant", INVALID_CURSOR);
    }
    if (!state.queryFingerprint().equals(queryFingerprint)) {
      throw new BadRequestException(
          "the cursor belongs to a different query; repeat the filter, sortBy and sortOrder of"
              + " the request that returned it",
          INVALID_CURSOR);
    }
    if (clock.millis() >= state.expiresAtMillis()) {
      throw new BadRequestException(
          "the cursor has expired; start the listing again without a cursor", EXPIRED_CURSOR);
    }
    return state;
  }

  /** A stable digest of what a cursor must be reused with: filter, sortBy and sortOrder. */
  public static String queryFingerprint(
      @Nullable String filter, @Nullable String sortBy, @Nullable String sortOrder) {
    String order = sortOrder == null || sortOrder.isBlank() ? "ascending" : sortOrder;
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    for (String part :
        new String[] {
          filter == null ? "" : filter.strip(),
          sortBy == null ? "" : sortBy.strip().toLowerCase(Locale.ROOT),
          order.strip().toLowerCase(Locale.ROOT)
        }) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha256.update(
          new byte[] {
            (byte) (bytes.length >>> 24),
            (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8),
            (byte) bytes.length
          });
      sha256.update(bytes);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Arrays.copyOf(sha256.digest(), 16));
  }

  private CursorState verified(String token) throws BadRequestException {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw malformed(null);
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw malformed(e);
    }
    if (bytes.length <= MAC_LENGTH || bytes[0] != VERSION) {
      throw malformed(null);
    }
    byte[] signed = Arrays.copyOf(bytes, bytes.length - MAC_LENGTH);
    byte[] mac = Arrays.copyOfRange(bytes, signed.length, bytes.length);
    if (!MessageDigest.isEqual(mac, mac(signed))) {
      throw malformed(null);
    }
    try {
      return read(signed);
    } catch (IOException | IllegalArgumentException e) {
      throw malformed(e);
    }
  }

  private static BadRequestException malformed(@Nullable Exception cause) {
    return new BadRequestException(
        "the cursor is malformed or was altered; use a cursor exactly as a response returned it",
        INVALID_CURSOR,
        cause);
  }

  private byte[] mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static byte[] payload(CursorState state) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      out.writeUTF(state.tenantId());
      out.writeUTF(state.queryFingerprint());
      writeValue(out, state.lastSortValue());
      out.writeUTF(state.lastId());
      out.writeLong(state.expiresAtMillis());
      out.writeBoolean(state.forward());
      out.writeLong(state.totalResults());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return buffer.toByteArray();
  }

  private static CursorState read(byte[] signed) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(signed));
    in.readByte();
    CursorState state =
        new CursorState(
            in.readUTF(),
            in.readUTF(),
            readValue(in),
            in.readUTF(),
            in.readLong(),
            in.readBoolean(),
            in.readLong());
    if (in.available() != 0) {
      throw new IOException("trailing bytes");
    }
    return state;
  }

  private static void writeValue(DataOutputStream out, @Nullable Object value) throws IOException {
    if (value == null) {
      out.writeByte('N');
    } else if (value instanceof String text) {
      out.writeByte('S');
      out.writeUTF(text);
    } else if (value instanceof Long number) {
      out.writeByte('L');
      out.writeLong(number);
    } else if (value instanceof Integer number) {
      out.writeByte('I');
      out.writeInt(number);
    } else if (value instanceof Boolean flag) {
      out.writeByte('B');
      out.writeBoolean(flag);
    } else if (value instanceof Double number) {
      out.writeByte('F');
      out.writeDouble(number);
    } else {
      out.writeByte('D');
      out.writeUTF(((BigDecimal) value).toString());
    }
  }

  private static @Nullable Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case 'N' -> null;
      case 'S' -> in.readUTF();
      case 'L' -> in.readLong();
      case 'I' -> in.readInt();
      case 'B' -> in.readBoolean();
      case 'F' -> in.readDouble();
      case 'D' -> new BigDecimal(in.readUTF());
      default -> throw new IOException("unknown value tag " + tag);
    };
  }
}
