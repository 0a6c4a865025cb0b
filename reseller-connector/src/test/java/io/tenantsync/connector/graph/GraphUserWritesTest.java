package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserChanges.Clearable;
import io.tenantsync.connector.DirectoryUserDraft;
import io.tenantsync.connector.LicenseGrant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphUserWritesTest extends WireMockGraphTest {

  private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
  private static final String E5 = "c7df2760-2c81-4ef7-b578-5b5392b571df";
  private static final String PLAN = "57ff2da0-773e-42df-b2af-ffb7a2317929";

  private static DirectoryUserDraft draft(String password) {
    return new DirectoryUserDraft(
        "adele@contoso.onmicrosoft.com",
        "Adele Vance",
        null,
        "Adele",
        "Vance",
        true,
        "DE",
        password,
        List.of("adele@example.org"),
        "Manager",
        null);
  }

  private static JsonNode lastBody(String method, String path) throws Exception {
    byte[] body =
        wm.getAllServeEvents().stream()
            .filter(
                e ->
                    e.getRequest().getMethod().getName().equals(method)
                        && e.getRequest().getUrl().startsWith(path))
            .findFirst()
            .orElseThrow()
            .getRequest()
            .getBody();
    return GraphJson.mapper().readTree(body);
  }

  @Test
  void createSendsPasswordProfileAndTheDraftFields() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"new-1\",\"userPrincipalName\":\"adele@contoso.onmicrosoft.com\","
                            + "\"displayName\":\"Adele Vance\",\"mail\":null}")));

    DirectoryUser created = directory().createUser(draft("Init-Passw0rd!"));

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1.0/users"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"accountEnabled":true,"displayName":"Adele Vance","mailNickname":"adele",
                     "userPrincipalName":"adele@contoso.onmicrosoft.com",
                     "passwordProfile":{"password":"Init-Passw0rd!",
                                        "forceChangePasswordNextSignIn":true},
                     "givenName":"Adele","surname":"Vance","usageLocation":"DE",
                     "otherMails":["adele@example.org"],"jobTitle":"Manager"}
                    """)));
    assertEquals("new-1", created.id());
    assertTrue(created.accountEnabled(), "taken from the draft: Graph does not echo it");
    assertEquals("DE", created.usageLocation());
    assertEquals("adele", created.mailNickname());
  }

  @Test
  void createWithoutPasswordSetsAStrongRandomOne() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"new-1\"}")));

    directory().createUser(draft(null));

    String password = lastBody("POST", "/v1.0/users").at("/passwordProfile/password").asText();
    assertEquals(24, password.length());
    assertTrue(password.chars().anyMatch(Character::isUpperCase));
    assertTrue(password.chars().anyMatch(Character::isLowerCase));
    assertTrue(password.chars().anyMatch(Character::isDigit));
  }

  @Test
  void updateSendsOnlySetFieldsAndExplicitNullsForClearsThenReadsBack() {
    wm.stubFor(patch(urlPathEqualTo("/v1.0/users/u1")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(okJson(userJson("u1", "adele@contoso.com", false))));

    DirectoryUser after =
        directory()
            .updateUser(
                "u1",
                DirectoryUserChanges.builder()
                    .accountEnabled(false)
                    .userPrincipalName("adele@contoso.com")
                    .clear(Clearable.JOB_TITLE)
                    .build());

    wm.verify(
        1,
        patchRequestedFor(urlPathEqualTo("/v1.0/users/u1"))
            .withRequestBody(
                equalToJson(
                    "{\"accountEnabled\":false,\"userPrincipalName\":\"adele@contoso.com\","
                        + "\"jobTitle\":null}")));
    assertFalse(after.accountEnabled());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
  }

  @Test
  void passwordResetIsSentAsPasswordProfile() {
    wm.stubFor(patch(urlPathEqualTo("/v1.0/users/u1")).willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(okJson(userJson("u1", "adele@contoso.com", true))));

    directory()
        .updateUser("u1", DirectoryUserChanges.builder().password("N3w-Passw0rd!", false).build());

    wm.verify(
        patchRequestedFor(urlPathEqualTo("/v1.0/users/u1"))
            .withRequestBody(
                equalToJson(
                    "{\"passwordProfile\":{\"password\":\"N3w-Passw0rd!\","
                        + "\"forceChangePasswordNextSignIn\":false}}")));
  }

  @Test
  void emptyChangeSendsNoPatch() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(okJson(userJson("u1", "adele@contoso.com", true))));

    directory().updateUser("u1", DirectoryUserChanges.builder().build());

    wm.verify(0, patchRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
  }

  @Test
  void assignLicensesAddsAndRemovesInOneCall() {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users/u1/assignLicense"))
            .willReturn(okJson(userJson("u1", "a@c.com", true, E5))));

    directory()
        .assignLicenses(
            "u1",
            List.of(new LicenseGrant(UUID.fromString(E5), List.of(UUID.fromString(PLAN)))),
            Set.of(UUID.fromString(E3)));

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1.0/users/u1/assignLicense"))
            .withRequestBody(
                equalToJson(
                    """
                    {"addLicenses":[{"skuId":"%s","disabledPlans":["%s"]}],
                     "removeLicenses":["%s"]}
                    """
                        .formatted(E5, PLAN, E3))));
  }

  @Test
  void assignLicensesWithNothingToDoMakesNoCall() {
    directory().assignLicenses("u1", List.of(), Set.of());

    assertTrue(wm.getAllServeEvents().isEmpty());
  }

  @Test
  void retriedAssignLicensesThatAlreadyAppliedIsNotSentAgain() {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users/u1/assignLicense"))
            .willReturn(aResponse().withStatus(504)));
    // The first attempt did reach the directory: E3 is gone and E5 is there.
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(okJson(userJson("u1", "a@c.com", true, E5))));

    directory()
        .assignLicenses(
            "u1", List.of(LicenseGrant.of(UUID.fromString(E5))), Set.of(UUID.fromString(E3)));

    wm.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/users/u1/assignLicense")));
  }

  @Test
  void retriedAssignLicensesRemovesOnlyLicensesStillHeld() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users/u1/assignLicense"))
            .inScenario("assign")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("retry")
            .willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users/u1/assignLicense"))
            .inScenario("assign")
            .whenScenarioStateIs("retry")
            .willReturn(okJson(userJson("u1", "a@c.com", true, E5))));
    // Meanwhile E3 was removed in the tenant; E5 not yet added.
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1")).willReturn(okJson(userJson("u1", "a@c.com", true))));

    directory()
        .assignLicenses(
            "u1", List.of(LicenseGrant.of(UUID.fromString(E5))), Set.of(UUID.fromString(E3)));

    wm.verify(
        2,
        postRequestedFor(urlPathEqualTo("/v1.0/users/u1/assignLicense"))
            .withRequestBody(matchingJsonPath("$.addLicenses[0].skuId", equalTo(E5))));
    JsonNode last =
        GraphJson.mapper()
            .readTree(wm.getAllServeEvents().get(0).getRequest().getBody()); // newest first
    assertEquals(0, last.get("removeLicenses").size());
  }

  @Test
  void deleteUserIsAGraphDelete() {
    wm.stubFor(delete(urlPathEqualTo("/v1.0/users/u1")).willReturn(aResponse().withStatus(204)));

    directory().deleteUser("u1");

    wm.verify(1, deleteRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
  }

  @Test
  void retriedDeleteTreatsNotFoundAsAlreadyDone() {
    wm.stubFor(
        delete(urlPathEqualTo("/v1.0/users/u1"))
            .inScenario("delete")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("deleted")
            .willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        delete(urlPathEqualTo("/v1.0/users/u1"))
            .inScenario("delete")
            .whenScenarioStateIs("deleted")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"x\"}}")));

    directory().deleteUser("u1");

    wm.verify(2, deleteRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
  }

  @Test
  void deletingAnAccountThatNeverExistedIsNotFound() {
    wm.stubFor(
        delete(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"x\"}}")));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory().deleteUser("u1"));

    assertEquals(Kind.NOT_FOUND, e.kind());
  }

  @Test
  void restoreUserPostsRestoreAndReadsTheAccountBack() {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/directory/deletedItems/u1/restore"))
            .willReturn(okJson("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"u1\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(okJson(userJson("u1", "adele@contoso.com", true))));

    DirectoryUser restored = directory().restoreUser("u1");

    assertEquals("adele@contoso.com", restored.userPrincipalName());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/directory/deletedItems/u1/restore")));
  }
}
