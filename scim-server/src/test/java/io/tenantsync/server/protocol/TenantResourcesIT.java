package io.tenantsync.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant's Products, DeletedUsers and Reconciliations get the protocol of its Users: filters and
 * sorting in SQL, cursors, {@code .search}, projection, PATCH where PUT is allowed.
 */
class TenantResourcesIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String PRODUCT = "urn:tenantsync:scim:schemas:core:2.0:Product";

  Http op;
  Tenant tenant;

  @BeforeEach
  void setUp() {
    op = server.operator();
    tenant = server.fixtures().tenant();
  }

  String path(String type) {
    return "tenants/" + tenant.id() + "/" + type;
  }

  static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  static List<String> field(JsonNode list, String name) {
    List<String> values = new ArrayList<>();
    list.path("Resources").forEach(r -> values.add(r.path(name).asText()));
    return values;
  }

  String product(String sku, int seats) {
    return op.post(
            path("Products"),
            """
            {"schemas":["%s"],"skuPartNumber":"%s","prepaidUnits":{"enabled":%d}}"""
                .formatted(PRODUCT, sku, seats))
        .expect(201)
        .id();
  }

  @Test
  void productsAreFilteredSortedPatchedAndProjected() {
    String e3 = product("ENTERPRISEPACK", 10);
    product("SPE_E5", 5);
    product("EXCHANGESTANDARD", 20);

    JsonNode bySku =
        op.get(path("Products") + "?filter=" + q("skuPartNumber eq \"enterprisepack\""))
            .expect(200)
            .json();
    assertEquals(List.of(e3), field(bySku, "id"), "skuPartNumber compares in any case");

    JsonNode defaultOrder = op.get(path("Products") + "?attributes=skuPartNumber").json();
    assertEquals(
        List.of("ENTERPRISEPACK", "EXCHANGESTANDARD", "SPE_E5"),
        field(defaultOrder, "skuPartNumber"),
        "listed by skuPartNumber unless sorted otherwise");
    assertFalse(defaultOrder.path("Resources").get(0).has("prepaidUnits"));

    JsonNode bySeats =
        op.post(
                path("Products") + "/.search",
                """
                {"filter":"prepaidUnits.enabled ge 10","sortBy":"prepaidUnits.enabled",
                 "sortOrder":"descending"}""")
            .expect(200)
            .json();
    assertEquals(List.of("EXCHANGESTANDARD", "ENTERPRISEPACK"), field(bySeats, "skuPartNumber"));

    String etag = op.get(path("Products/" + e3)).expect(200).header("ETag");
    JsonNode patched =
        op.patch(
                path("Products/" + e3) + "?attributes=prepaidUnits",
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"prepaidUnits.enabled","value":12}]}""",
                Map.of("If-Match", etag))
            .expect(200)
            .json();
    assertEquals(12, patched.path("prepaidUnits").path("enabled").asInt());
    assertFalse(patched.has("skuPartNumber"), patched.toString());
    op.patch(
            path("Products/" + e3),
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"consumedUnits","value":0}]}""")
        .expectError(400, "mutability");
    op.patch(
            path("Products/" + e3),
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"prepaidUnits.enabled","value":-1}]}""")
        .expectError(400, "invalidValue");
    assertEquals(
        12, op.get(path("Products/" + e3)).json().path("prepaidUnits").path("enabled").asInt());

    JsonNode page = op.get(path("Products") + "?count=2&cursor=").expect(200).json();
    assertEquals(3, page.path("totalResults").asInt());
    JsonNode rest =
        op.get(path("Products") + "?count=2&cursor=" + page.path("nextCursor").asText())
            .expect(200)
            .json();
    Set<String> walked = new HashSet<>(field(page, "id"));
    walked.addAll(field(rest, "id"));
    assertEquals(3, walked.size());
    op.get(path("Products") + "?filter=" + q("servicePlans pr")).expectError(400, "invalidFilter");
  }

  @Test
  void deletedUsersAreFoundByUserNameAndListedInTheTenantResourceTypes() {
    String ann = server.fixtures().user(op, tenant, "ann");
    String bob = server.fixtures().user(op, tenant, "bob");
    for (String id : List.of(ann, bob)) {
      op.post(path("DeletedUsers"), "{\"user\":\"" + id + "\"}").expect(201);
    }
    JsonNode found =
        op.get(
                path("DeletedUsers")
                    + "?filter="
                    + q("userName sw \"ANN@\"")
                    + "&excludedAttributes=meta")
            .expect(200)
            .json();
    assertEquals(List.of(ann), field(found, "id"));
    assertFalse(found.path("Resources").get(0).has("meta"));
    JsonNode newestFirst =
        op.get(path("DeletedUsers") + "?sortBy=deletedAt&sortOrder=descending").json();
    assertEquals(2, newestFirst.path("totalResults").asInt());

    JsonNode types = op.get("tenants/" + tenant.id() + "/ResourceTypes").expect(200).json();
    List<String> names = field(types, "name");
    assertTrue(names.contains("DeletedUser"), names.toString());
  }

  @Test
  void reconciliationsAreFilteredByModeAndListedNewestFirst() throws InterruptedException {
    String first = op.post(path("Reconciliations"), "{\"mode\":\"full\"}").expect(201).id();
    Thread.sleep(5); // meta.created has millisecond precision
    String second = op.post(path("Reconciliations"), "{\"mode\":\"delta\"}").expect(201).id();
    JsonNode all = op.get(path("Reconciliations")).expect(200).json();
    assertEquals(List.of(second, first), field(all, "id"), "newest first by default");
    JsonNode full =
        op.get(path("Reconciliations") + "?filter=" + q("mode eq \"FULL\"")).expect(200).json();
    assertEquals(List.of(first), field(full, "id"));
    op.get(path("Reconciliations") + "?sortBy=findings").expectError(400, "invalidValue");
  }
}
