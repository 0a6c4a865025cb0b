package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphRetryTest extends WireMockGraphTest {

  private static final String PATH = "/v1.0/users/u1";

  /** Answers {@code failures} times with {@code failure}, then with the user. */
  private static void failThenSucceed(int failures, ResponseDefinitionBuilder failure) {
    String state = Scenario.STARTED;
    for (int i = 1; i <= failures; i++) {
      wm.stubFor(
          get(urlPathEqualTo(PATH))
              .inScenario("storm")
              .whenScenarioStateIs(state)
              .willSetStateTo("after-" + i)
              .willReturn(failure));
      state = "after-" + i;
    }
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("storm")
            .whenScenarioStateIs(state)
            .willReturn(okJson(userJson("u1", "a@contoso.com", true))));
  }

  private static ResponseDefinitionBuilder throttled(String retryAfter) {
    return aResponse()
        .withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withHeader("Retry-After", retryAfter)
        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}");
  }

  private GraphConfig withAttempts(int maxAttempts) {
    return config()
        .withRetry(
            new GraphConfig.Retry(
                maxAttempts,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                0.0,
                Duration.ofMinutes(2)));
  }

  @Test
  void throttledRequestWaitsForRetryAfterSeconds() {
    failThenSucceed(1, throttled("1"));

    assertTrue(directory().findUser("u1").isPresent());

    assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits);
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() {
    String inThreeSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
    failThenSucceed(1, throttled(inThreeSeconds));

    directory().findUser("u1");

    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
  }

  @Test
  void retryAfterLongerThanTheBackoffCapIsStillHonoured() {
    failThenSucceed(1, aResponse().withStatus(503).withHeader("Retry-After", "45"));

    directory().findUser("u1");

    assertEquals(List.of(Duration.ofSeconds(45)), sleeper.waits);
  }

  @Test
  void serviceUnavailableThenSuccess() {
    failThenSucceed(1, aResponse().withStatus(503));

    assertTrue(directory().findUser("u1").isPresent());

    assertEquals(List.of(Duration.ofMillis(100)), sleeper.waits);
  }

  @Test
  void gatewayTimeoutIsRetried() {
    failThenSucceed(2, aResponse().withStatus(504));

    assertTrue(directory().findUser("u1").isPresent());
    wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void throttlingStormOfTwentyIsRiddenOutWhenAttemptsAllow() {
    failThenSucceed(20, throttled("1"));

    assertTrue(directory(withAttempts(25)).findUser("u1").isPresent());

    assertEquals(Collections.nCopies(20, Duration.ofSeconds(1)), sleeper.waits);
    wm.verify(21, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void throttlingBeyondMaxAttemptsEndsInRetryableThrottled() {
    failThenSucceed(20, throttled("1"));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory(withAttempts(5)).findUser("u1"));

    assertEquals(Kind.THROTTLED, e.kind());
    assertTrue(e.retryable());
    assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
    assertEquals(Optional.of("TooManyRequests"), e.code());
    wm.verify(5, getRequestedFor(urlPathEqualTo(PATH)));
    assertEquals(4, sleeper.waits.size());
  }

  @Test
  void retryAfterBeyondTheLimitIsLeftToTheCaller() {
    failThenSucceed(1, throttled("600"));

    DirectoryException e = assertThrows(DirectoryException.class, () -> directory().findUser("u1"));

    assertEquals(Kind.THROTTLED, e.kind());
    assertTrue(e.retryable());
    assertEquals(Optional.of(Duration.ofMinutes(10)), e.retryAfter());
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void internalServerErrorsBackOffExponentiallyUpToTheCap() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":\"generalException\",\"message\":\"x\"}}")));
    GraphConfig config =
        config()
            .withRetry(
                new GraphConfig.Retry(
                    7, Duration.ofMillis(100), Duration.ofMillis(500), 0.0, Duration.ZERO));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory(config).findUser("u1"));

    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
    assertEquals(
        List.of(100L, 200L, 400L, 500L, 500L, 500L),
        sleeper.waits.stream().map(Duration::toMillis).toList());
    wm.verify(7, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void jitterOnlyShortensWaitsSoTheCapHolds() {
    GraphConfig.Retry settings =
        new GraphConfig.Retry(
            10, Duration.ofMillis(100), Duration.ofMillis(500), 0.5, Duration.ZERO);
    GraphRetry highRandom = new GraphRetry(settings, sleeper, () -> 0.999);
    GraphRetry lowRandom = new GraphRetry(settings, sleeper, () -> 0.0);

    for (int failed = 1; failed <= 8; failed++) {
      Duration capped = lowRandom.backoff(failed);
      Duration jittered = highRandom.backoff(failed);
      assertTrue(capped.toMillis() <= 500, capped.toString());
      assertTrue(jittered.compareTo(capped) <= 0);
      assertTrue(jittered.toMillis() >= capped.toMillis() / 2, jittered + " vs " + capped);
    }
  }

  @Test
  void badRequestIsNotRetriedAndKeepsGraphsCode() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Request_UnsupportedQuery\","
                            + "\"message\":\"Unsupported Query.\"}}")));

    DirectoryException e = assertThrows(DirectoryException.class, () -> directory().findUser("u1"));

    assertEquals(Kind.BAD_REQUEST, e.kind());
    assertEquals(400, e.httpStatus());
    assertEquals(Optional.of("Request_UnsupportedQuery"), e.code());
    assertFalse(e.retryable());
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void connectionResetIsRetried() {
    failThenSucceed(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertTrue(directory().findUser("u1").isPresent());
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void unreachableDirectoryIsRetryableUnavailable() {
    GraphConfig config =
        GraphConfig.of(URI.create("http://127.0.0.1:1/v1.0")).withRetry(GraphConfig.Retry.none());

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory(config).findUser("u1"));

    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertEquals(0, e.httpStatus());
    assertTrue(e.retryable());
  }

  @Test
  void interruptedWaitStopsRetryingAndKeepsTheInterrupt() {
    failThenSucceed(1, aResponse().withStatus(503));
    GraphClient client =
        new GraphClient(
            config(),
            new StaticTokenProvider(TOKEN),
            GraphHttp.newClient(config()),
            d -> {
              throw new InterruptedException();
            },
            clock,
            () -> 0.5);
    try {
      DirectoryException e =
          assertThrows(
              DirectoryException.class, () -> new GraphTenantDirectory(client).findUser("u1"));

      assertEquals(Kind.INTERRUPTED, e.kind());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
