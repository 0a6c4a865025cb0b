package io.tenantsync.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorMapperTest {
  /** A body type of ours, as the endpoints have: its name must never reach a client. */
  public static final class Body {
    public String name;
    public List<Item> items;
    public Date when;
  }

  public static final class Item {
    public String value;
    public boolean primary;
  }

  private static String detail(String json, Class<?> type) {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class, () -> ScimJsonProvider.MAPPER.readValue(json, type));
    String detail = JsonErrorMapper.detail(e);
    for (String leak : List.of("io.tenantsync", "com.fasterxml", "java.", "`", "JsonToken", "$")) {
      assertFalse(detail.contains(leak), detail);
    }
    return detail;
  }

  @Test
  void syntaxErrorKeepsJacksonsWordsAndWhere() {
    String detail = detail("{\"name\": ", Body.class);
    assertTrue(detail.startsWith("the request body is not valid JSON: Unexpected end-of-input"));
    assertTrue(detail.endsWith("at line 1, column 10"), detail);
  }

  @Test
  void wrongShapeNamesThePathAndBothKinds() {
    assertEquals(
        "the request body has the wrong shape: the body must be an object, not an array"
            + " (line 1, column 1)",
        detail("[1]", Body.class));
    assertEquals(
        "the request body has the wrong shape: \"items\" must be an array, not a string"
            + " (line 1, column 10)",
        detail("{\"items\":\"x\"}", Body.class));
    assertEquals(
        "the request body has the wrong shape: \"items[1].value\" must be a string, not an object"
            + " (line 1, column 34)",
        detail("{\"items\":[{\"value\":\"a\"},{\"value\":{}}]}", Body.class));
    assertTrue(
        detail("{\"items\":[{\"primary\":[]}]}", Body.class)
            .startsWith(
                "the request body has the wrong shape: \"items[0].primary\" must be true or false,"
                    + " not an array"));
    assertTrue(
        detail("\"text\"", ObjectNode.class)
            .startsWith("the request body has the wrong shape: the body must be an object"));
  }

  @Test
  void unreadableValueIsQuoted() {
    String detail = detail("{\"when\":\"yesterday\"}", Body.class);
    assertTrue(
        detail.startsWith(
            "the request body has a value that cannot be read: \"when\" cannot be \"yesterday\";"
                + " it must be a date-time string"),
        detail);
  }

  @Test
  void emptyBodyAsksForAnObject() {
    assertEquals(
        "the request body is empty or ends too early: send a JSON object", detail("", Body.class));
  }
}
