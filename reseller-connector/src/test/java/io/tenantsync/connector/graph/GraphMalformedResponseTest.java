package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphMalformedResponseTest extends WireMockGraphTest {

  private static final String PATH = "/v1.0/users/u1";

  private GraphTenantDirectory singleAttempt() {
    return directory(config().withRetry(GraphConfig.Retry.none()));
  }

  @Test
  void truncatedJsonBodyIsMalformedResponseWithTheParserAsCause() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson("{\"id\":\"u1\",\"userPrincipalName\":\"a@contoso.com\",\"acc")));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> singleAttempt().findUser("u1"));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals(200, e.httpStatus());
    assertTrue(e.retryable(), "a truncated body is a transport fault");
    assertInstanceOf(JsonProcessingException.class, e.getCause());
  }

  @Test
  void truncatedBodyIsRetriedAndASoundOneAccepted() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("ok")
            .willReturn(okJson("{\"id\":\"u1\",\"userPrinc")));
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(userJson("u1", "a@contoso.com", true))));

    assertTrue(directory().findUser("u1").isPresent());
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void htmlBodyOnSuccessIsMalformedResponse() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><body>Sign in to continue</body></html>")));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> singleAttempt().findUser("u1"));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(e.getMessage().contains("text/html"), e.getMessage());
  }

  @Test
  void htmlNotFoundPageIsNotMistakenForAMissingAccount() {
    wm.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><h1>404 - wrong virtual host</h1></html>")));

    DirectoryException e = assertThrows(DirectoryException.class, () -> directory().findUser("u1"));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals(404, e.httpStatus());
    assertFalse(e.retryable());
  }

  @Test
  void jsonOfTheWrongShapeIsMalformedNotAJacksonException() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("[1,2,3]")));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> singleAttempt().findUser("u1"));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
  }

  @Test
  void userWithoutIdInAListingIsMalformed() {
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users"))
            .willReturn(okJson("{\"value\":[{\"displayName\":\"nobody\"}]}")));
    List<String> ids = new ArrayList<>();

    DirectoryException e =
        assertThrows(
            DirectoryException.class, () -> singleAttempt().listUsers(u -> ids.add(u.id())));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(ids.isEmpty());
  }
}
