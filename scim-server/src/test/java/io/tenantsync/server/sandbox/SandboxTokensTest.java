package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SandboxTokensTest {
  private final SandboxTokens tokens = new SandboxTokens(key(1));

  @Test
  void roundTripsItsOwnTokens() {
    ObjectNode payload = SandboxTokens.payload("u", "tenant-1");
    payload.put("a", "last-id");
    String token = tokens.seal(payload);
    assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
    assertEquals("last-id", tokens.open(token, "u", "tenant-1").orElseThrow().path("a").asText());
  }

  @Test
  void refusesAnotherTenantsAnotherKindsEditedOrForeignTokens() {
    String token = tokens.seal(SandboxTokens.payload("u", "tenant-1"));
    assertTrue(tokens.open(token, "u", "tenant-2").isEmpty());
    assertTrue(tokens.open(token, "d", "tenant-1").isEmpty());
    String edited = "x" + token.substring(1);
    assertTrue(tokens.open(edited, "u", "tenant-1").isEmpty());
    assertTrue(new SandboxTokens(key(2)).open(token, "u", "tenant-1").isEmpty());
    for (String garbage : new String[] {"", ".", "abc", "a.b", "%%%.###", "x".repeat(5000)}) {
      assertTrue(tokens.open(garbage, "u", "tenant-1").isEmpty(), garbage);
    }
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
