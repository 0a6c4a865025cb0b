package io.tenantsync.server.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.bulk.BulkOperation.Verb;
import io.tenantsync.server.protocol.RequestLimits;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class BulkRequestTest {

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) ScimJsonProvider.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static BulkRequest parse(String operations) throws ScimException {
    return BulkRequest.parse(
        json(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":%s}"""
                .formatted(operations)));
  }

  static void assertRefused(int status, String scimType, String body) {
    ScimException e = assertThrows(ScimException.class, () -> BulkRequest.parse(json(body)));
    assertEquals(status, e.getScimError().getStatus());
    assertEquals(scimType, e.getScimError().getScimType());
  }

  static void assertProblem(String scimType, String operation) throws ScimException {
    BulkOperation parsed = parse("[" + operation + "]").operations().get(0);
    ScimException problem = parsed.problem();
    assertEquals(400, problem == null ? 0 : problem.getScimError().getStatus(), operation);
    assertEquals(scimType, problem.getScimError().getScimType(), operation);
  }

  @Test
  void readsEveryMethodInAnyCaseWithItsPathVersionAndData() throws ScimException {
    BulkRequest request =
        BulkRequest.parse(
            json(
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":2,
                 "Operations":[
                  {"method":"post","bulkId":"q1","path":"/Users","data":{"userName":"a"}},
                  {"method":"Put","path":"/Users/7","version":"W/\\"3\\"","data":{"userName":"b"}},
                  {"method":"PATCH","path":"Groups/bulkId:q1","data":{"Operations":[]}},
                  {"method":"delete","path":"/Users/7"}]}"""));
    assertEquals(2, request.failOnErrors());
    BulkOperation post = request.operations().get(0);
    assertEquals(Verb.POST, post.verb());
    assertEquals("POST", post.method());
    assertEquals("Users", post.endpoint());
    assertNull(post.id());
    assertEquals("a", post.data().path("userName").asText());
    BulkOperation put = request.operations().get(1);
    assertEquals("7", put.id());
    assertEquals("W/\"3\"", put.version());
    assertEquals("bulkId:q1", request.operations().get(2).id());
    assertEquals("Groups", request.operations().get(2).endpoint());
    BulkOperation delete = request.operations().get(3);
    assertEquals(Verb.DELETE, delete.verb());
    assertNull(delete.data());
    request.operations().forEach(operation -> assertNull(operation.problem()));
  }

  @Test
  void attributeNamesAreCaseInsensitiveAndSchemasMayBeLeftOut() throws ScimException {
    BulkRequest request =
        BulkRequest.parse(
            json(
                "{\"operations\":[{\"METHOD\":\"DELETE\",\"Path\":\"/Users/1\"}],"
                    + "\"FailOnErrors\":\"3\"}"));
    assertEquals(3, request.failOnErrors());
    assertEquals(Verb.DELETE, request.operations().get(0).verb());
  }

  @Test
  void malformedRequestsAreRefusedWhole() {
    assertThrows(ScimException.class, () -> BulkRequest.parse(null));
    assertRefused(400, "invalidSyntax", "{}");
    assertRefused(400, "invalidSyntax", "{\"Operations\":{}}");
    assertRefused(400, "invalidSyntax", "{\"Operations\":[\"POST /Users\"]}");
    assertRefused(
        400,
        "invalidSyntax",
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}");
    assertRefused(400, "invalidSyntax", "{\"failOnErrors\":\"many\",\"Operations\":[]}");
    assertRefused(400, "invalidValue", "{\"failOnErrors\":0,\"Operations\":[]}");
    assertRefused(
        400,
        "invalidValue",
        """
        {"Operations":[{"method":"POST","bulkId":"x","path":"/Users","data":{}},
                       {"method":"POST","bulkId":"x","path":"/Users","data":{}}]}""");
  }

  @Test
  void moreOperationsThanMaxOperationsIs413() {
    String operation = "{\"method\":\"DELETE\",\"path\":\"/Users/1\"}";
    String atLimit =
        String.join(",", Collections.nCopies(RequestLimits.MAX_BULK_OPERATIONS, operation));
    String body = "{\"Operations\":[" + atLimit + "]}";
    assertEquals(RequestLimits.MAX_BULK_OPERATIONS, parseUnchecked(body).operations().size());
    assertRefused(413, null, "{\"Operations\":[" + atLimit + "," + operation + "]}");
  }

  @Test
  void aBadOperationIsThatOperationsProblem() throws ScimException {
    assertProblem("invalidValue", "{\"path\":\"/Users/1\"}");
    assertProblem("invalidValue", "{\"method\":\"GET\",\"path\":\"/Users/1\"}");
    assertProblem("invalidValue", "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{}}");
    assertProblem(
        "invalidValue", "{\"method\":\"POST\",\"bulkId\":\"\",\"path\":\"/Users\",\"data\":{}}");
    assertProblem(
        "invalidValue", "{\"method\":\"POST\",\"bulkId\":\"q\",\"path\":\"/Users/1\",\"data\":{}}");
    assertProblem("invalidValue", "{\"method\":\"PUT\",\"path\":\"/Users\",\"data\":{}}");
    assertProblem("invalidValue", "{\"method\":\"DELETE\",\"path\":\"/Users/1/x\"}");
    assertProblem("invalidValue", "{\"method\":\"DELETE\",\"path\":\"/Users/\"}");
    assertProblem("invalidValue", "{\"method\":\"DELETE\",\"path\":\"/Users/1\",\"version\":3}");
    assertProblem("invalidSyntax", "{\"method\":\"PATCH\",\"path\":\"/Users/1\"}");
    assertProblem("invalidSyntax", "{\"method\":\"PUT\",\"path\":\"/Users/1\",\"data\":[]}");
  }

  @Test
  void aRefusedOperationKeepsItsMethodAndBulkIdForTheReport() throws ScimException {
    BulkOperation operation =
        parse("[{\"method\":\"post\",\"bulkId\":\"b7\",\"path\":\"/Users\"}]").operations().get(0);
    assertEquals("POST", operation.method());
    assertEquals("b7", operation.bulkId());
    assertEquals("invalidSyntax", operation.problem().getScimError().getScimType());
  }

  private static BulkRequest parseUnchecked(String body) {
    try {
      return BulkRequest.parse(json(body));
    } catch (ScimException e) {
      throw new AssertionError(e);
    }
  }
}
