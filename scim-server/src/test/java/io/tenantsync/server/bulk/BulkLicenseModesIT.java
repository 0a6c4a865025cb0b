package io.tenantsync.server.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API.md rule 5 (R19): the bulk license modes keep, replace and add are PATCHes through {@code
 * /Bulk}, many users at once; an exhausted pool fails that operation alone and changes nothing of
 * it (rule 1).
 */
class BulkLicenseModesIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";
  static final String E3 = "ENTERPRISEPACK";
  static final String E5 = "ENTERPRISEPREMIUM";

  private Http op;
  private Tenant tenant;
  private String e3;
  private String e5;

  @BeforeEach
  void products() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    e3 = product(E3, 10);
    e5 = product(E5, 2);
  }

  private String product(String sku, int units) {
    return op.post(
            "tenants/" + tenant.id() + "/Products",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Product"],"skuPartNumber":"%s",
             "displayName":"%s","prepaidUnits":{"enabled":%d}}"""
                .formatted(sku, sku, units))
        .expect(201)
        .id();
  }

  private String licensedUser(String local) {
    return op.post(
            tenant.users(),
            """
            {"userName":"%s@%s","entitlements":[{"value":"%s"}],"%s":{"usageLocation":"DE"}}"""
                .formatted(local, tenant.domain(), E3, EXT))
        .expect(201)
        .id();
  }

  private int consumed(String product) {
    return op.get("tenants/" + tenant.id() + "/Products/" + product)
        .expect(200)
        .json()
        .path("consumedUnits")
        .asInt();
  }

  private List<String> skus(String user) {
    List<String> skus = new ArrayList<>();
    op.get(tenant.users() + "/" + user)
        .expect(200)
        .json()
        .path("entitlements")
        .forEach(e -> skus.add(e.path("value").asText()));
    return skus;
  }

  private static String patch(String user, String operations) {
    return """
           {"method":"PATCH","path":"/Users/%s","data":{"Operations":%s}}"""
        .formatted(user, operations);
  }

  private JsonNode bulk(String... operations) {
    return op.post(
            "tenants/" + tenant.id() + "/Bulk",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + String.join(",", operations)
                + "]}")
        .expect(200)
        .json()
        .path("Operations");
  }

  private long outboxRows() throws Exception {
    try (Connection c = server.database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void keepReplaceAndAddAcrossUsersInOneRequest() {
    String kept = licensedUser("kept");
    String replaced = licensedUser("replaced");
    String added = licensedUser("added");
    assertEquals(3, consumed(e3));

    JsonNode entries =
        bulk(
            patch(kept, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Kept\"}]"),
            patch(
                replaced,
                "[{\"op\":\"replace\",\"path\":\"entitlements\",\"value\":[{\"value\":\""
                    + E5
                    + "\"}]}]"),
            patch(
                added,
                "[{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\""
                    + E5
                    + "\"}]}]"));
    entries.forEach(entry -> assertEquals("200", entry.path("status").asText(), entry.toString()));
    assertEquals(List.of(E3), skus(kept));
    assertEquals(List.of(E5), skus(replaced));
    assertEquals(List.of(E3, E5), skus(added));
    assertEquals(2, consumed(e3));
    assertEquals(2, consumed(e5));
  }

  @Test
  void anExhaustedPoolFailsThatOperationAloneAndChangesNothingOfIt() throws Exception {
    List<String> users = List.of(licensedUser("u1"), licensedUser("u2"), licensedUser("u3"));
    long outbox = outboxRows();
    String add =
        "[{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"" + E5 + "\"}]}]";

    JsonNode entries =
        bulk(patch(users.get(0), add), patch(users.get(1), add), patch(users.get(2), add));
    assertEquals("200", entries.get(0).path("status").asText());
    assertEquals("200", entries.get(1).path("status").asText());
    JsonNode refused = entries.get(2);
    assertEquals("400", refused.path("status").asText(), refused.toString());
    assertEquals("invalidValue", refused.path("response").path("scimType").asText());
    assertTrue(refused.path("response").path("detail").asText().contains(E5), refused.toString());
    assertEquals(2, consumed(e5));
    assertEquals(3, consumed(e3));
    assertEquals(List.of(E3), skus(users.get(2)));
    assertEquals(outbox + 2, outboxRows(), "the refused operation wrote no outbox row");
  }
}
