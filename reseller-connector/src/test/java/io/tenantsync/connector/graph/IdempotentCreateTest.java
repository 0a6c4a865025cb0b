package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserDraft;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A create whose outcome is unknown (timeout, 5xx, reset) is retried as "look up, then create", so
 * the tenant never gets two accounts. WireMock scenarios play the directory's state.
 */
class IdempotentCreateTest extends WireMockGraphTest {

  private static final String UPN = "adele@contoso.onmicrosoft.com";
  private static final String USERS = "/v1.0/users";
  private static final String BY_UPN = "/v1.0/users/" + UPN;
  private static final String NOT_FOUND =
      "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"not found\"}}";
  private static final String CONFLICT =
      "{\"error\":{\"code\":\"Request_BadRequest\",\"message\":\"Another object with the same"
          + " value for property userPrincipalName already exists.\",\"details\":[{\"code\":"
          + "\"ObjectConflict\",\"target\":\"userPrincipalName\"}]}}";

  private static DirectoryUserDraft draft() {
    return new DirectoryUserDraft(
        UPN, "Adele Vance", null, null, null, true, "DE", "Init-Passw0rd!", List.of(), null, null);
  }

  private static void lookupAnswers(String state, int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo(BY_UPN))
            .inScenario("tenant")
            .whenScenarioStateIs(state)
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static String created() {
    return userJson("obj-1", UPN, true);
  }

  @Test
  void createThatTimesOutIsResolvedByLookupAndCreatesOneAccount() {
    // Graph creates the account but answers after the client gave up.
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("created")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(created())
                    .withFixedDelay(1500)));
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs("created")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(CONFLICT)));
    lookupAnswers(Scenario.STARTED, 404, NOT_FOUND);
    lookupAnswers("created", 200, created());

    DirectoryUser user =
        directory(config().withRequestTimeout(Duration.ofMillis(300))).createUser(draft());

    assertEquals("obj-1", user.id());
    wm.verify(1, postRequestedFor(urlPathEqualTo(USERS)));
    wm.verify(1, getRequestedFor(urlPathEqualTo(BY_UPN)));
    assertEquals(1, sleeper.waits.size());
  }

  @Test
  void createResetMidResponseIsResolvedByLookup() {
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("created")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    lookupAnswers("created", 200, created());

    assertEquals("obj-1", directory().createUser(draft()).id());
    wm.verify(1, postRequestedFor(urlPathEqualTo(USERS)));
  }

  @Test
  void createFailingWith503BeforeCreatingIsPostedAgainAfterAMissedLookup() {
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("down-once")
            .willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs("down-once")
            .willSetStateTo("created")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(created())));
    lookupAnswers("down-once", 404, NOT_FOUND);

    assertEquals("obj-1", directory().createUser(draft()).id());
    wm.verify(2, postRequestedFor(urlPathEqualTo(USERS)));
    wm.verify(1, getRequestedFor(urlPathEqualTo(BY_UPN)));
  }

  @Test
  void retriedCreateThatConflictsLooksAgainInsteadOfFailing() {
    // Attempt 1: 500 although created. Attempt 2: lookup lags (404), POST conflicts.
    // Attempt 3: lookup finds the account. Only the first POST created anything.
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("created-not-replicated")
            .willReturn(aResponse().withStatus(500)));
    lookupAnswers("created-not-replicated", 404, NOT_FOUND);
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .inScenario("tenant")
            .whenScenarioStateIs("created-not-replicated")
            .willSetStateTo("replicated")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(CONFLICT)));
    lookupAnswers("replicated", 200, created());

    assertEquals("obj-1", directory().createUser(draft()).id());
    wm.verify(2, postRequestedFor(urlPathEqualTo(USERS)));
    wm.verify(2, getRequestedFor(urlPathEqualTo(BY_UPN)));
  }

  @Test
  void conflictOnTheFirstAttemptIsAGenuineConflictAndNotRetried() {
    wm.stubFor(
        post(urlPathEqualTo(USERS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(CONFLICT)));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory().createUser(draft()));

    assertEquals(Kind.CONFLICT, e.kind());
    assertFalse(e.retryable());
    wm.verify(1, postRequestedFor(urlPathEqualTo(USERS)));
    wm.verify(0, getRequestedFor(urlPathEqualTo(BY_UPN)));
  }
}
