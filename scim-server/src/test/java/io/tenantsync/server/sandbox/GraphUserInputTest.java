package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphUserInputTest {

  @Test
  void passwordComplexityIsEntraIds() {
    assertTrue(GraphUserInput.isComplex("Secret-Passw0rd!"));
    assertTrue(GraphUserInput.isComplex("abcDEF12"));
    assertFalse(GraphUserInput.isComplex("abcdefgh1"));
    assertFalse(GraphUserInput.isComplex("Ab1!"));
    assertFalse(GraphUserInput.isComplex("Aa1!".repeat(65)));
  }

  @Test
  void readOnlyAndUnknownPropertiesAreRefused() {
    GraphError readOnly =
        assertThrows(
            GraphError.class,
            () -> GraphUserInput.checkProperties(SandboxJson.parseObject("{\"id\":\"x\"}"), false));
    assertEquals("Property 'id' is read-only and cannot be set.", readOnly.getMessage());
    assertThrows(
        GraphError.class,
        () ->
            GraphUserInput.checkProperties(
                SandboxJson.parseObject("{\"onPremisesSyncEnabled\":true}"), false));
    assertThrows(
        GraphError.class,
        () ->
            GraphUserInput.checkProperties(SandboxJson.parseObject("{\"faxNumber\":\"1\"}"), true));
    GraphUserInput.checkProperties(
        SandboxJson.parseObject(
            "{\"@odata.type\":\"#microsoft.graph.user\",\"onPremisesSyncEnabled\":true}"),
        true);
  }

  @Test
  void selectIsCaseInsensitiveAndRefusesUnknownProperties() {
    assertEquals(Set.of("id", "userPrincipalName"), GraphUsers.select("ID, userprincipalname"));
    assertEquals(GraphUsers.DEFAULT, GraphUsers.select(null));
    assertEquals(400, assertThrows(GraphError.class, () -> GraphUsers.select("id,nope")).status());
  }
}
