package io.tenantsync.server.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets that must be used again later (a tenant's Graph client secret, a password on its
 * way to the tenant through the outbox) with AES-256-GCM, so that they are never stored in plain
 * text. Sealed form: {@code v1:} + base64(12-byte nonce ‖ ciphertext ‖ tag). Thread-safe.
 */
public final class SecretBox {
  private static final String PREFIX = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SecretBox(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  public String seal(String plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a secret", e);
    }
  }

  public String open(String sealed) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    try {
      byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, 12));
      return new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open a sealed secret (wrong installation key?)", e);
    }
  }
}
