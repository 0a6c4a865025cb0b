package io.tenantsync.server.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5 item 5: a tenant whose directory is Microsoft Graph (here WireMock on loopback) gets its
 * Products from {@code subscribedSkus} at each reconciliation, and clients cannot write them.
 */
class GraphModeReconciliationIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String SKU = "6fd2c87f-b296-42f0-b197-1e91e994b900";
  static final String PLAN = "57ff2da0-773e-42df-b2af-ffb7a2317929";

  static WireMockServer graph;

  @BeforeAll
  static void startGraph() {
    graph = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    graph.start();
  }

  @AfterAll
  static void stopGraph() {
    graph.stop();
  }

  @Test
  void productsMirrorSubscribedSkusAndAreReadOnlyHere() throws Exception {
    String origin = "http://127.0.0.1:" + graph.port();
    graph.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                okJson("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    skus(25);
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/delta"))
            .willReturn(
                okJson(
                    ("{\"value\":[],\"@odata.deltaLink\":\"%s/v1.0/users/delta?$deltatoken=d1\"}")
                        .formatted(origin))));

    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    op.put(
            "Tenants/" + tenant.id(),
            ("{\"displayName\":\"g\",\"initialDomain\":\"%s\",\"directory\":{\"type\":\"graph\","
                    + "\"baseUrl\":\"%s/v1.0\",\"tokenUrl\":\"%s/token\",\"clientId\":\"app\","
                    + "\"clientSecret\":\"s3cret\"}}")
                .formatted(tenant.domain(), origin, origin))
        .expect(200);

    JsonNode run = reconcile(op, tenant);
    assertEquals("completed", run.path("status").asText(), run.toString());
    JsonNode products = op.get("tenants/" + tenant.id() + "/Products").expect(200).json();
    assertEquals(1, products.path("totalResults").asInt(), products.toString());
    JsonNode product = products.path("Resources").get(0);
    assertEquals(SKU, product.path("skuId").asText());
    assertEquals("ENTERPRISEPACK", product.path("skuPartNumber").asText());
    assertEquals(25, product.path("prepaidUnits").path("enabled").asInt());
    assertEquals("TEAMS1", product.path("servicePlans").get(0).path("servicePlanName").asText());

    skus(30);
    reconcile(op, tenant);
    assertEquals(
        30,
        op.get("tenants/" + tenant.id() + "/Products/" + product.path("id").asText())
            .json()
            .path("prepaidUnits")
            .path("enabled")
            .asInt(),
        "the tenant bought more");

    op.post(
            "tenants/" + tenant.id() + "/Products",
            "{\"skuPartNumber\":\"OTHER\",\"prepaidUnits\":{\"enabled\":1}}")
        .expectError(400, "mutability");
  }

  private static void skus(int enabled) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .willReturn(
                okJson(
                    """
                    {"value":[{"capabilityStatus":"Enabled","consumedUnits":0,
                      "id":"x_%1$s","prepaidUnits":{"enabled":%3$d,"suspended":0,"warning":0},
                      "servicePlans":[{"servicePlanId":"%2$s","servicePlanName":"TEAMS1",
                        "provisioningStatus":"Success","appliesTo":"User"}],
                      "skuId":"%1$s","skuPartNumber":"ENTERPRISEPACK","appliesTo":"User"}]}
                    """
                        .formatted(SKU, PLAN, enabled))));
  }

  private static JsonNode reconcile(Http op, Tenant tenant) throws InterruptedException {
    return Runs.reconcile(op, tenant.id(), "delta");
  }
}
