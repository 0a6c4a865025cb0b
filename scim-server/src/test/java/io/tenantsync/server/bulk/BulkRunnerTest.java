package io.tenantsync.server.bulk;

import static io.tenantsync.server.bulk.BulkRequestTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Shown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The runner over an in-memory target: order, reference resolution, failures, failOnErrors. */
class BulkRunnerTest {
  private static final Locations LOCATIONS = new Locations(URI.create("http://h/scim/v2/"));
  private static final Caller OPERATOR = new Caller(Caller.Kind.OPERATOR, null, null);

  /** Records every call; data with {@code "fail"} set fails as that says. */
  private static final class FakeTarget implements BulkTarget {
    final List<String> calls = new ArrayList<>();
    int next = 1;

    @Override
    public String endpoint() {
      return "Users";
    }

    @Override
    public Shown create(Caller caller, String tenantId, ObjectNode data, Locations locations)
        throws ScimException {
      calls.add("create " + data);
      failIfAsked(data);
      return shown(tenantId, "id" + next++);
    }

    @Override
    public Shown replace(
        Caller caller,
        String tenantId,
        String id,
        ObjectNode data,
        @Nullable String ifMatch,
        Locations locations)
        throws ScimException {
      calls.add("replace " + id + " " + data);
      failIfAsked(data);
      return shown(tenantId, id);
    }

    @Override
    public Shown patch(
        Caller caller,
        String tenantId,
        String id,
        ObjectNode data,
        @Nullable String ifMatch,
        Locations locations)
        throws ScimException {
      calls.add("patch " + id + " " + ifMatch);
      failIfAsked(data);
      return shown(tenantId, id);
    }

    @Override
    public void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch) {
      calls.add("delete " + id);
    }

    private static void failIfAsked(ObjectNode data) throws ScimException {
      switch (data.path("fail").asText()) {
        case "conflict" -> throw ResourceConflictException.uniqueness("taken");
        case "bug" -> throw new IllegalStateException("secret internals");
        case "scim500" -> throw new ScimException(500, null, "secret scim internals");
        default -> {}
      }
    }

    private static Shown shown(String tenantId, String id) {
      URI location = LOCATIONS.tenantResource(tenantId, "Users", id);
      ObjectNode body = json("{\"id\":\"" + id + "\"}");
      return new Shown(new GenericScimResource(body), 3, location);
    }
  }

  private final FakeTarget users = new FakeTarget();
  private final BulkRunner runner = new BulkRunner(List.of(users));

  private JsonNode run(String body) throws ScimException {
    return runner.run(OPERATOR, "t1", BulkRequest.parse(json(body)), LOCATIONS).path("Operations");
  }

  @Test
  void forwardReferencesRunTheirPostFirstAndGetItsId() throws ScimException {
    JsonNode entries =
        run(
            """
            {"Operations":[
              {"method":"PATCH","path":"/Users/bulkId:b","version":"W/\\"3\\"","data":{}},
              {"method":"PUT","path":"/Users/x","data":{"manager":{"value":"bulkId:b"}}},
              {"method":"POST","bulkId":"b","path":"/Users","data":{"userName":"b"}},
              {"method":"DELETE","path":"/Users/bulkId:b"}]}""");
    assertEquals(
        List.of(
            "create {\"userName\":\"b\"}",
            "patch id1 W/\"3\"",
            "replace x {\"manager\":{\"value\":\"id1\"}}",
            "delete id1"),
        users.calls);
    assertEquals(4, entries.size());
    assertEquals("PATCH", entries.get(0).path("method").asText(), "reported in the client's order");
    assertEquals("http://h/scim/v2/tenants/t1/Users/id1", entries.get(0).path("location").asText());
    assertEquals("W/\"3\"", entries.get(0).path("version").asText());
    assertEquals("201", entries.get(2).path("status").asText());
    assertEquals("b", entries.get(2).path("bulkId").asText());
    assertEquals("204", entries.get(3).path("status").asText());
    assertFalse(entries.get(3).has("version"));
  }

  @Test
  void unexpectedFailuresAre500WithAnIdOnlyAndTheRestRuns() throws ScimException {
    JsonNode entries =
        run(
            """
            {"Operations":[
              {"method":"POST","bulkId":"a","path":"/Users","data":{"fail":"bug"}},
              {"method":"POST","bulkId":"b","path":"/Users","data":{"fail":"scim500"}},
              {"method":"POST","bulkId":"c","path":"/Users","data":{}}]}""");
    for (int i = 0; i < 2; i++) {
      JsonNode error = entries.get(i).path("response");
      assertEquals("500", entries.get(i).path("status").asText());
      assertTrue(error.path("detail").asText().startsWith("internal error, id="), error.toString());
      assertFalse(error.toString().contains("secret"), error.toString());
    }
    assertEquals("201", entries.get(2).path("status").asText());
  }

  @Test
  void aFailedPostFailsItsDependentsAndCountsTowardsFailOnErrors() throws ScimException {
    String operations =
        """
        "Operations":[
          {"method":"POST","bulkId":"a","path":"/Users","data":{"fail":"conflict"}},
          {"method":"PATCH","path":"/Users/bulkId:a","data":{}},
          {"method":"POST","bulkId":"c","path":"/Users","data":{}}]""";
    JsonNode all = run("{" + operations + "}");
    assertEquals(3, all.size());
    assertEquals("409", all.get(0).path("status").asText());
    assertEquals("uniqueness", all.get(0).path("response").path("scimType").asText());
    assertEquals("400", all.get(1).path("status").asText());
    assertTrue(all.get(1).path("response").path("detail").asText().contains("'a'"));
    assertEquals("201", all.get(2).path("status").asText());

    users.calls.clear();
    JsonNode stopped = run("{\"failOnErrors\":2," + operations + "}");
    assertEquals(2, stopped.size());
    assertEquals(1, users.calls.size(), "the dependent never reached the target");
  }

  @Test
  void anUnknownResourceTypeIs404NamingWhatBulkWritesTo() throws ScimException {
    JsonNode entry =
        run("{\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Widgets/1\"}]}").get(0);
    assertEquals("404", entry.path("status").asText());
    assertTrue(entry.path("response").path("detail").asText().contains("/Users"), entry.toString());
    assertTrue(users.calls.isEmpty());
  }
}
