package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserDraft;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Passwords, client secrets and access tokens never reach logs, toString() or messages. */
class SecretHygieneTest extends WireMockGraphTest {

  private static final String PASSWORD = "Very-Secret-Passw0rd!";
  private static final String CLIENT_SECRET = "Client-Secret-Value-42";
  private static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-token";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger connectorLogger;

  @BeforeEach
  void captureLogs() {
    connectorLogger = (Logger) LoggerFactory.getLogger("io.tenantsync");
    connectorLogger.setLevel(Level.TRACE);
    logs.start();
    connectorLogger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    connectorLogger.detachAppender(logs);
    connectorLogger.setLevel(Level.DEBUG);
  }

  private static DirectoryUserDraft draft() {
    return new DirectoryUserDraft(
        "adele@contoso.onmicrosoft.com",
        "Adele",
        null,
        null,
        null,
        true,
        "DE",
        PASSWORD,
        List.of(),
        null,
        null);
  }

  private void assertNoSecretLogged() {
    assertFalse(logs.list.isEmpty(), "the scenario should have logged something");
    for (ILoggingEvent event : logs.list) {
      StringBuilder text = new StringBuilder(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append(' ').append(t.getMessage());
      }
      for (String secret : List.of(PASSWORD, CLIENT_SECRET, ACCESS_TOKEN)) {
        assertFalse(text.toString().contains(secret), "logged a secret: " + text);
      }
    }
  }

  @Test
  void recordsHideThePasswordInToString() {
    assertFalse(draft().toString().contains(PASSWORD));
    assertTrue(draft().toString().contains("password=****"));
    DirectoryUserChanges changes = DirectoryUserChanges.builder().password(PASSWORD, true).build();
    assertFalse(changes.toString().contains(PASSWORD));
    assertFalse(GraphMapper.toCreate(draft(), "generated").toString().contains(PASSWORD));
  }

  @Test
  void passwordIsNeverLoggedWhileCreatingAndResettingThroughRetries() {
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users"))
            .inScenario("create")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("up")
            .willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/adele@contoso.onmicrosoft.com"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"x\"}}")));
    wm.stubFor(
        post(urlPathEqualTo("/v1.0/users"))
            .inScenario("create")
            .whenScenarioStateIs("up")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"u1\"}")));
    wm.stubFor(
        patch(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Request_BadRequest\","
                            + "\"message\":\"The specified password does not comply with"
                            + " password complexity requirements.\"}}")));

    directory().createUser(draft());
    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () ->
                directory()
                    .updateUser(
                        "u1", DirectoryUserChanges.builder().password(PASSWORD, true).build()));

    assertFalse(e.getMessage().contains(PASSWORD));
    assertNoSecretLogged();
  }

  @Test
  void clientSecretAndAccessTokenAreNeverLogged() {
    for (String[] step :
        new String[][] {{Scenario.STARTED, "rotated", "1"}, {"rotated", "rotated", "2"}}) {
      wm.stubFor(
          post(urlPathEqualTo("/token"))
              .inScenario("token")
              .whenScenarioStateIs(step[0])
              .willSetStateTo(step[1])
              .willReturn(
                  okJson(
                      "{\"expires_in\":3600,\"access_token\":\"%s%s\"}"
                          .formatted(ACCESS_TOKEN, step[2]))));
    }
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .inScenario("auth")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("ok")
            .willReturn(aResponse().withStatus(401)));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .inScenario("auth")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(userJson("u1", "a@c.com", true))));
    ClientCredentialsTokenProvider tokens =
        new ClientCredentialsTokenProvider(
            new ClientCredentials(
                URI.create(origin() + "/token"),
                "client-1",
                CLIENT_SECRET,
                ClientCredentials.GRAPH_DEFAULT_SCOPE),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(2),
            clock);

    new GraphTenantDirectory(client(config(), tokens)).findUser("u1");

    assertNoSecretLogged();
    assertFalse(tokens.toString().contains(CLIENT_SECRET));
  }
}
