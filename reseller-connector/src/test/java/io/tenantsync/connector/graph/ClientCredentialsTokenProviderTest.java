package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ClientCredentialsTokenProviderTest extends WireMockGraphTest {

  private static final String TOKEN_PATH = "/tenant-1/oauth2/v2.0/token";
  private static final String SECRET = "s3cr3t-Client-Secret";

  private ClientCredentialsTokenProvider provider() {
    ClientCredentials credentials =
        new ClientCredentials(
            URI.create(origin() + TOKEN_PATH),
            "client-1",
            SECRET,
            ClientCredentials.GRAPH_DEFAULT_SCOPE);
    return new ClientCredentialsTokenProvider(
        credentials, HttpClient.newHttpClient(), Duration.ofSeconds(2), clock);
  }

  private static void tokenEndpointIssues(String token, long expiresIn) {
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                okJson(
                    "{\"token_type\":\"Bearer\",\"expires_in\":%d,\"access_token\":\"%s\"}"
                        .formatted(expiresIn, token))));
  }

  /** Issues token-1, then token-2 on every later request. */
  private static void tokenEndpointRotates() {
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("rotate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("second")
            .willReturn(okJson("{\"expires_in\":3600,\"access_token\":\"token-1\"}")));
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("rotate")
            .whenScenarioStateIs("second")
            .willReturn(okJson("{\"expires_in\":3600,\"access_token\":\"token-2\"}")));
  }

  @Test
  void tokenIsFetchedOnceWithClientCredentialsAndCached() {
    tokenEndpointIssues("token-1", 3599);
    ClientCredentialsTokenProvider tokens = provider();

    assertEquals("token-1", tokens.token());
    clock.advance(Duration.ofMinutes(30));
    assertEquals("token-1", tokens.token());

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam("client_id", equalTo("client-1"))
            .withFormParam("client_secret", equalTo(SECRET))
            .withFormParam("scope", equalTo("https://graph.microsoft.com/.default")));
  }

  @Test
  void tokenIsRefreshedFiveMinutesBeforeExpiry() {
    tokenEndpointIssues("token-1", 3600);
    ClientCredentialsTokenProvider tokens = provider();
    tokens.token();

    clock.advance(Duration.ofMinutes(54).plusSeconds(59));
    tokens.token();
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

    clock.advance(Duration.ofSeconds(1));
    tokens.token();
    wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void shortLivedTokenIsRefreshedAtNinetyPercentOfItsLifetime() {
    tokenEndpointIssues("token-1", 100);
    ClientCredentialsTokenProvider tokens = provider();
    tokens.token();

    clock.advance(Duration.ofSeconds(89));
    tokens.token();
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

    clock.advance(Duration.ofSeconds(1));
    tokens.token();
    wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void invalidateDropsOnlyTheTokenStillCached() {
    tokenEndpointRotates();
    ClientCredentialsTokenProvider tokens = provider();

    assertEquals("token-1", tokens.token());
    tokens.invalidate("token-1");
    assertEquals("token-2", tokens.token());
    tokens.invalidate("token-1"); // a late caller still holding the old token changes nothing
    assertEquals("token-2", tokens.token());
    wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                okJson("{\"expires_in\":3600,\"access_token\":\"token-1\"}").withFixedDelay(200)));
    ClientCredentialsTokenProvider tokens = provider();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(tokens::token);
      }
      for (Future<String> f : pool.invokeAll(calls)) {
        assertEquals("token-1", f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void refusedClientIsUnauthorizedAndNotRetryable() {
    wm.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215:"
                            + " Invalid client secret provided.\"}")));

    DirectoryException e = assertThrows(DirectoryException.class, provider()::token);

    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertEquals(Optional.of("invalid_client"), e.code());
    assertFalse(e.retryable());
    assertFalse(e.getMessage().contains(SECRET));
  }

  @Test
  void tokenEndpointOutageIsRetryable() {
    wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));

    DirectoryException e = assertThrows(DirectoryException.class, provider()::token);

    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
  }

  @Test
  void graphCallRefetchesTheTokenOnceAfter401() {
    tokenEndpointRotates();
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                            + "\"message\":\"Access token has expired.\"}}")));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .withHeader("Authorization", equalTo("Bearer token-2"))
            .willReturn(okJson(userJson("u1", "a@contoso.onmicrosoft.com", true))));
    GraphTenantDirectory directory = new GraphTenantDirectory(client(config(), provider()));

    assertTrue(directory.findUser("u1").isPresent());

    wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
    assertTrue(sleeper.waits.isEmpty(), "a token refresh is not a retry");
  }

  @Test
  void graphRefusingTheFreshTokenTooIsUnauthorizedWithoutFurtherAttempts() {
    tokenEndpointRotates();
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                            + "\"message\":\"Access token validation failure.\"}}")));
    GraphTenantDirectory directory = new GraphTenantDirectory(client(config(), provider()));

    DirectoryException e = assertThrows(DirectoryException.class, () -> directory.findUser("u1"));

    assertEquals(Kind.UNAUTHORIZED, e.kind());
    assertFalse(e.retryable());
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
    wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertTrue(e.getMessage().contains("InvalidAuthenticationToken"));
  }

  @Test
  void unchangedTokenAfter401IsNotSentAgain() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}")));
    GraphTenantDirectory directory = directory(); // a static token cannot be refreshed

    DirectoryException e = assertThrows(DirectoryException.class, () -> directory.findUser("u1"));

    assertEquals(Kind.UNAUTHORIZED, e.kind());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/u1")));
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertFalse(provider().toString().contains(SECRET));
    assertFalse(
        ClientCredentials.forEntraTenant("contoso.onmicrosoft.com", "c", SECRET)
            .toString()
            .contains(SECRET));
  }
}
