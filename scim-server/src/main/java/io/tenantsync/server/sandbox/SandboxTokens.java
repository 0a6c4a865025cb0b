package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque {@code $skiptoken} and {@code $deltatoken} values: a small JSON payload (kind, tenant,
 * keyset position, …) in base64url, followed by a truncated HMAC-SHA256 under an installation key,
 * so that a token cannot be forged, edited, or replayed against another tenant. Every node of an
 * installation shares the key, so any node honours any node's links. Thread-safe.
 *
 * <p>Form: {@code base64url(payload) "." base64url(mac[0..16])}.
 */
final class SandboxTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAC_BYTES = 16;
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final SecretKeySpec key;

  SandboxTokens(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  String seal(ObjectNode payload) {
    String body =
        ENCODER.encodeToString(SandboxJson.write(payload).getBytes(StandardCharsets.UTF_8));
    return body + "." + ENCODER.encodeToString(mac(body));
  }

  /**
   * The payload of a token this installation issued with this {@code kind} for this tenant; empty
   * for anything else (garbage, a forged or edited token, another tenant's or another kind's).
   */
  Optional<ObjectNode> open(String token, String kind, String tenantId) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String body = token.substring(0, dot);
    try {
      byte[] given = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(given, mac(body))) {
        return Optional.empty();
      }
      JsonNode payload = SandboxJson.MAPPER.readTree(DECODER.decode(body));
      if (payload instanceof ObjectNode object
          && kind.equals(object.path("k").asText())
          && tenantId.equals(object.path("t").asText())) {
        return Optional.of(object);
      }
      return Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }

  /** A payload of {@code kind} for {@code tenantId}, to fill and {@link #seal}. */
  static ObjectNode payload(String kind, String tenantId) {
    ObjectNode payload = SandboxJson.object();
    payload.put("k", kind);
    payload.put("t", tenantId);
    return payload;
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
