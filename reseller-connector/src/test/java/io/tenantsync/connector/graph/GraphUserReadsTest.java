package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.connector.AssignedLicense;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.ServicePlan;
import io.tenantsync.connector.SubscribedSku;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphUserReadsTest extends WireMockGraphTest {

  private static final String SKU = "c7df2760-2c81-4ef7-b578-5b5392b571df";
  private static final String PLAN = "57ff2da0-773e-42df-b2af-ffb7a2317929";

  @Test
  void findUserSelectsTheDirectoryUserFieldsAndMapsThem() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .withQueryParam("$select", equalTo(GraphUser.SELECT))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("application/json"))
            .willReturn(
                okJson(
                    """
                    {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity",
                     "id":"u1","userPrincipalName":"adele@contoso.com","displayName":"Adele Vance",
                     "givenName":"Adele","surname":"Vance","mail":"adele@contoso.com",
                     "mailNickname":"adele","accountEnabled":false,"usageLocation":"US",
                     "onPremisesSyncEnabled":true,
                     "assignedLicenses":[{"skuId":"%s","disabledPlans":["%s"]}],
                     "otherMails":["adele@example.org"],"jobTitle":"Retail Manager",
                     "department":"Retail","unknownGraphField":{"nested":1}}
                    """
                        .formatted(SKU, PLAN))));

    DirectoryUser user = directory().findUser("u1").orElseThrow();

    assertEquals(
        new DirectoryUser(
            "u1",
            "adele@contoso.com",
            "Adele Vance",
            "Adele",
            "Vance",
            "adele@contoso.com",
            "adele",
            false,
            "US",
            true,
            List.of(new AssignedLicense(UUID.fromString(SKU), List.of(UUID.fromString(PLAN)))),
            List.of("adele@example.org"),
            "Retail Manager",
            "Retail"),
        user);
  }

  @Test
  void cloudOnlyUserWithNullSyncFlagIsNotDirectorySynced() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(okJson(userJson("u1", "a@contoso.com", true))));

    DirectoryUser user = directory().findUser("u1").orElseThrow();

    assertFalse(user.onPremisesSyncEnabled());
    assertTrue(user.assignedLicenses().isEmpty());
  }

  @Test
  void findUserIsEmptyWhenGraphSaysResourceNotFound() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/gone"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Request_ResourceNotFound\","
                            + "\"message\":\"Resource 'gone' does not exist.\"}}")));

    assertEquals(Optional.empty(), directory().findUser("gone"));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/gone")));
  }

  @Test
  void findUserByPrincipalNameAddressesTheUserByUpn() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/adele@contoso.com"))
            .withQueryParam("$select", equalTo(GraphUser.SELECT))
            .willReturn(okJson(userJson("u1", "adele@contoso.com", true))));

    assertEquals("u1", directory().findUserByPrincipalName("adele@contoso.com").orElseThrow().id());
  }

  @Test
  void guestUpnIsPercentEncodedInThePath() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/bob_example.org%23EXT%23@contoso.onmicrosoft.com"))
            .willReturn(
                okJson(userJson("g1", "bob_example.org#EXT#@contoso.onmicrosoft.com", true))));

    assertEquals(
        "g1",
        directory()
            .findUserByPrincipalName("bob_example.org#EXT#@contoso.onmicrosoft.com")
            .orElseThrow()
            .id());
  }

  @Test
  void listUsersFollowsNextLinkAcrossThreePages() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users"))
            .withQueryParam("$select", equalTo(GraphUser.SELECT))
            .withQueryParam("$top", equalTo("2"))
            .willReturn(
                okJson(
                    "{\"value\":[%s,%s],\"@odata.nextLink\":\"%s/users?$top=2&$skiptoken=p2\"}"
                        .formatted(
                            userJson("u1", "u1@c.com", true),
                            userJson("u2", "u2@c.com", true),
                            base()))));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users"))
            .withQueryParam("$skiptoken", equalTo("p2"))
            .willReturn(
                okJson(
                    "{\"value\":[%s,%s],\"@odata.nextLink\":\"%s/users?$top=2&$skiptoken=p3\"}"
                        .formatted(
                            userJson("u3", "u3@c.com", true),
                            userJson("u4", "u4@c.com", true),
                            base()))));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users"))
            .withQueryParam("$skiptoken", equalTo("p3"))
            .willReturn(okJson("{\"value\":[%s]}".formatted(userJson("u5", "u5@c.com", false)))));
    List<String> ids = new ArrayList<>();

    directory(config().withPageSize(2)).listUsers(u -> ids.add(u.id()));

    assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), ids);
    wm.verify(3, getRequestedFor(urlPathEqualTo("/v1.0/users")));
  }

  @Test
  void listUsersRefusesANextLinkToAnotherHost() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users"))
            .willReturn(
                okJson(
                    "{\"value\":[%s],\"@odata.nextLink\":\"https://evil.example/v1.0/users?p=2\"}"
                        .formatted(userJson("u1", "u1@c.com", true)))));
    List<String> ids = new ArrayList<>();

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory().listUsers(u -> ids.add(u.id())));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals(List.of("u1"), ids);
  }

  @Test
  void listUsersRefusesANextLinkOutsideTheBasePath() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users"))
            .willReturn(
                okJson(
                    "{\"value\":[],\"@odata.nextLink\":\"%s/other-tenant/v1.0/users\"}"
                        .formatted(origin()))));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory().listUsers(u -> {}));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
  }

  @Test
  void listDeletedUsersReadsDeletedItems() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/directory/deletedItems/microsoft.graph.user"))
            .withQueryParam("$select", equalTo(GraphUser.SELECT))
            .willReturn(okJson("{\"value\":[%s]}".formatted(userJson("d1", "d@c.com", true)))));
    List<String> ids = new ArrayList<>();

    directory().listDeletedUsers(u -> ids.add(u.id()));

    assertEquals(List.of("d1"), ids);
  }

  @Test
  void subscribedSkusMapPrepaidUnitsAndServicePlans() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/subscribedSkus"))
            .willReturn(
                okJson(
                    """
                    {"value":[{"capabilityStatus":"Enabled","consumedUnits":14,
                      "id":"48a80680-7326-48cd-9935-b556b81d3a4e_%1$s",
                      "prepaidUnits":{"enabled":25,"suspended":0,"warning":0},
                      "servicePlans":[{"servicePlanId":"%2$s","servicePlanName":"TEAMS1",
                        "provisioningStatus":"Success","appliesTo":"User"}],
                      "skuId":"%1$s","skuPartNumber":"ENTERPRISEPACK","appliesTo":"User"}]}
                    """
                        .formatted(SKU, PLAN))));

    List<SubscribedSku> skus = directory().subscribedSkus();

    assertEquals(
        List.of(
            new SubscribedSku(
                UUID.fromString(SKU),
                "ENTERPRISEPACK",
                25,
                14,
                List.of(new ServicePlan(UUID.fromString(PLAN), "TEAMS1", "User", "Success")),
                "Enabled")),
        skus);
    assertEquals(11, skus.get(0).availableUnits());
  }
}
