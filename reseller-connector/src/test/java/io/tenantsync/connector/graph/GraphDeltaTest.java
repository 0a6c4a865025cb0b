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

import io.tenantsync.connector.DeltaExpiredException;
import io.tenantsync.connector.DeltaResult;
import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphDeltaTest extends WireMockGraphTest {

  private static final String DELTA = "/v1.0/users/delta";

  @Test
  void initialRoundSelectsFieldsAndFollowsNextLinkUntilTheDeltaLink() {
    wm.stubFor(
        get(urlPathEqualTo(DELTA))
            .withQueryParam("$select", equalTo(GraphUser.SELECT))
            .willReturn(
                okJson(
                    "{\"value\":[%s],\"@odata.nextLink\":\"%s/users/delta?$skiptoken=s2\"}"
                        .formatted(userJson("u1", "u1@c.com", true), base()))));
    wm.stubFor(
        get(urlPathEqualTo(DELTA))
            .withQueryParam("$skiptoken", equalTo("s2"))
            .willReturn(
                okJson(
                    "{\"value\":[%s],\"@odata.nextLink\":\"%s/users/delta?$skiptoken=s3\"}"
                        .formatted(userJson("u2", "u2@c.com", true), base()))));
    wm.stubFor(
        get(urlPathEqualTo(DELTA))
            .withQueryParam("$skiptoken", equalTo("s3"))
            .willReturn(
                okJson(
                    "{\"value\":[%s],\"@odata.deltaLink\":\"%s/users/delta?$deltatoken=d1\"}"
                        .formatted(userJson("u3", "u3@c.com", false), base()))));
    List<DirectoryChange> changes = new ArrayList<>();

    DeltaResult result = directory().delta(null, changes::add);

    assertEquals(base() + "/users/delta?$deltatoken=d1", result.deltaLink());
    assertEquals(3, result.changes());
    assertEquals(List.of("u1", "u2", "u3"), changes.stream().map(DirectoryChange::id).toList());
    assertTrue(changes.stream().allMatch(c -> c instanceof DirectoryChange.Upserted));
    wm.verify(3, getRequestedFor(urlPathEqualTo(DELTA)));
  }

  @Test
  void removedEntriesBecomeRemovedChangesWithTheirReason() {
    wm.stubFor(
        get(urlPathEqualTo(DELTA))
            .withQueryParam("$deltatoken", equalTo("d1"))
            .willReturn(
                okJson(
                    """
                    {"value":[
                      {"id":"soft","@removed":{"reason":"changed"}},
                      {"id":"hard","@removed":{"reason":"deleted"}},
                      %s],
                     "@odata.deltaLink":"%s/users/delta?$deltatoken=d2"}
                    """
                        .formatted(userJson("u9", "u9@c.com", true), base()))));
    List<DirectoryChange> changes = new ArrayList<>();

    DeltaResult result = directory().delta(base() + "/users/delta?$deltatoken=d1", changes::add);

    assertEquals(
        List.of(
            new DirectoryChange.Removed("soft", "changed"),
            new DirectoryChange.Removed("hard", "deleted")),
        changes.subList(0, 2));
    assertTrue(((DirectoryChange.Removed) changes.get(0)).restorable());
    assertFalse(((DirectoryChange.Removed) changes.get(1)).restorable());
    assertEquals("u9", changes.get(2).id());
    assertEquals(3, result.changes());
    assertTrue(result.deltaLink().endsWith("$deltatoken=d2"));
  }

  @Test
  void expiredDeltaLinkThrowsDeltaExpired() {
    wm.stubFor(
        get(urlPathEqualTo(DELTA))
            .willReturn(
                aResponse()
                    .withStatus(410)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"syncStateNotFound\","
                            + "\"message\":\"The sync state is no longer valid.\"}}")));

    DeltaExpiredException e =
        assertThrows(
            DeltaExpiredException.class,
            () -> directory().delta(base() + "/users/delta?$deltatoken=old", c -> {}));

    assertEquals(Kind.GONE, e.kind());
    assertFalse(e.retryable());
    wm.verify(1, getRequestedFor(urlPathEqualTo(DELTA)));
  }

  @Test
  void partialUpdateEntryIsReadInFull() {
    wm.stubFor(
        get(urlPathEqualTo(DELTA))
            .willReturn(
                okJson(
                    "{\"value\":[{\"id\":\"u1\",\"displayName\":\"Renamed\"}],"
                        + "\"@odata.deltaLink\":\"%s/users/delta?$deltatoken=d2\"}"
                            .formatted(base()))));
    wm.stubFor(
        get(urlPathEqualTo("/v1.0/users/u1")).willReturn(okJson(userJson("u1", "u1@c.com", true))));
    List<DirectoryChange> changes = new ArrayList<>();

    directory().delta(null, changes::add);

    DirectoryChange.Upserted upserted = (DirectoryChange.Upserted) changes.get(0);
    assertEquals("u1@c.com", upserted.user().userPrincipalName());
    assertTrue(upserted.user().accountEnabled());
  }

  @Test
  void deltaLinkToAnotherHostIsRefusedWithoutSendingTheToken() {
    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () -> directory().delta("https://attacker.example/v1.0/users/delta?x=1", c -> {}));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(wm.getAllServeEvents().isEmpty());
  }

  @Test
  void roundEndingWithoutDeltaLinkIsMalformed() {
    wm.stubFor(get(urlPathEqualTo(DELTA)).willReturn(okJson("{\"value\":[]}")));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory().delta(null, c -> {}));

    assertEquals(Kind.MALFORMED_RESPONSE, e.kind());
  }
}
