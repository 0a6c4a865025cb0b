package io.tenantsync.server.bulk;

import static io.tenantsync.server.bulk.BulkRequestTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkOrderTest {

  static String post(String bulkId, String data) {
    return "{\"method\":\"POST\",\"bulkId\":\"%s\",\"path\":\"/Groups\",\"data\":%s}"
        .formatted(bulkId, data);
  }

  static String members(String... bulkIds) {
    StringBuilder members = new StringBuilder("{\"displayName\":\"g\",\"members\":[");
    for (int i = 0; i < bulkIds.length; i++) {
      members.append(i == 0 ? "" : ",").append("{\"value\":\"bulkId:").append(bulkIds[i]);
      members.append("\"}");
    }
    return members.append("]}").toString();
  }

  static BulkOrder.Plan plan(String... operations) throws ScimException {
    return BulkOrder.plan(parse("[" + String.join(",", operations) + "]").operations());
  }

  @Test
  void withoutReferencesTheClientsOrderIsKept() throws ScimException {
    BulkOrder.Plan plan = plan(post("a", "{}"), post("b", "{}"), post("c", "{}"));
    assertEquals(List.of(0, 1, 2), plan.order());
    assertTrue(plan.refusals().isEmpty());
  }

  @Test
  void aForwardReferenceRunsTheCreatorFirst() throws ScimException {
    BulkOrder.Plan plan =
        plan(
            post("g", members("u1", "u2")),
            post("x", "{}"),
            post("u2", "{}"),
            "{\"method\":\"PATCH\",\"path\":\"/Users/bulkId:u3\",\"data\":{}}",
            post("u1", "{}"),
            post("u3", "{}"));
    assertEquals(List.of(4, 2, 0, 1, 5, 3), plan.order());
    assertTrue(plan.refusals().isEmpty());
  }

  @Test
  void chainsResolveInDependencyOrder() throws ScimException {
    BulkOrder.Plan plan = plan(post("a", members("b")), post("b", members("c")), post("c", "{}"));
    assertEquals(List.of(2, 1, 0), plan.order());
  }

  @Test
  void anUnknownBulkIdIsInvalidValue() throws ScimException {
    BulkOrder.Plan plan = plan(post("a", members("nobody")), post("b", "{}"));
    assertEquals(List.of(0, 1), plan.order());
    assertEquals(400, plan.refusal(0).getScimError().getStatus());
    assertEquals("invalidValue", plan.refusal(0).getScimError().getScimType());
    assertNull(plan.refusal(1));
  }

  @Test
  void aReferenceToANonPostBulkIdIsUnknown() throws ScimException {
    BulkOrder.Plan plan =
        plan(
            "{\"method\":\"DELETE\",\"bulkId\":\"d\",\"path\":\"/Users/1\"}",
            post("a", members("d")));
    assertEquals("invalidValue", plan.refusal(1).getScimError().getScimType());
  }

  @Test
  void circlesAreRefusedWith409AndTheRestRuns() throws ScimException {
    BulkOrder.Plan plan =
        plan(
            post("a", members("b")),
            post("b", members("c")),
            post("c", members("a")),
            post("self", members("self")),
            post("d", members("a")),
            post("e", "{}"));
    for (int i : List.of(0, 1, 2, 3)) {
      assertEquals(409, plan.refusal(i).getScimError().getStatus());
      assertNull(plan.refusal(i).getScimError().getScimType());
    }
    assertNull(plan.refusal(4), "d fails at run time, because a was not created");
    assertNull(plan.refusal(5));
    assertEquals(6, plan.order().size());
    assertTrue(plan.order().indexOf(4) > plan.order().indexOf(0));
    assertTrue(plan.refusal(0).getScimError().getDetail().contains("'a', 'b', 'c'"));
  }

  @Test
  void anOperationWithAProblemHasNoEdges() throws ScimException {
    BulkOrder.Plan plan =
        plan("{\"method\":\"POST\",\"bulkId\":\"a\",\"path\":\"/Users/1\",\"data\":{}}");
    assertEquals(List.of(0), plan.order());
    assertNull(plan.refusal(0));
  }
}
