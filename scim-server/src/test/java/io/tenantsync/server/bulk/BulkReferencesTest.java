package io.tenantsync.server.bulk;

import static io.tenantsync.server.bulk.BulkRequestTest.json;
import static io.tenantsync.server.bulk.BulkRequestTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkReferencesTest {

  @Test
  void referencesAreWholeStringValuesAnywhereAndThePathId() throws ScimException {
    BulkOperation operation =
        parse(
                """
                [{"method":"PATCH","path":"/Groups/bulkId:g","data":{"Operations":[
                  {"op":"add","path":"members","value":[{"value":"bulkId:u1"},{"value":"u9"}]},
                  {"op":"replace","value":{"displayName":"bulkId:u2",
                    "nested":{"deep":["bulkId:u1","x bulkId:u3"]}}}]}}]""")
            .operations()
            .get(0);
    assertEquals(List.of("g", "u1", "u2"), List.copyOf(BulkReferences.of(operation)));
  }

  @Test
  void resolvingReplacesReferencesInACopy() {
    ObjectNode data =
        json(
            """
            {"members":[{"value":"bulkId:u1"},{"value":"u9"}],"displayName":"bulkId:u1x"}""");
    ObjectNode resolved = BulkReferences.resolve(data, Map.of("u1", "id-1", "u1x", "id-2"));
    assertEquals(
        json("{\"members\":[{\"value\":\"id-1\"},{\"value\":\"u9\"}],\"displayName\":\"id-2\"}"),
        resolved);
    assertEquals("bulkId:u1", data.path("members").get(0).path("value").asText());
    assertEquals("id-1", BulkReferences.resolve("bulkId:u1", Map.of("u1", "id-1")));
    assertEquals("plain", BulkReferences.resolve("plain", Map.of("u1", "id-1")));
  }
}
