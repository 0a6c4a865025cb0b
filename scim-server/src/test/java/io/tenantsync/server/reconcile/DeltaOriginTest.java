package io.tenantsync.server.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DeltaOriginTest {
  static final URI GRAPH = URI.create("https://graph.microsoft.com/v1.0");
  static final URI SANDBOX = URI.create("http://127.0.0.1:8080/sandbox/t1/v1.0");

  @Test
  void aSandboxLinkOfAnotherNodeIsTakenToThisNodesAddress() {
    String other = "http://10.0.0.7:9090/sandbox/t1/v1.0/users/delta?$deltatoken=a%2Bb";
    assertTrue(Reconciler.samePath(other, SANDBOX));
    assertEquals(
        "http://127.0.0.1:8080/sandbox/t1/v1.0/users/delta?$deltatoken=a%2Bb",
        Reconciler.rebased(other, SANDBOX));
    assertFalse(Reconciler.samePath("http://10.0.0.7:9090/sandbox/t2/v1.0/users/delta", SANDBOX));
  }

  @Test
  void aDeltaLinkIsUsedOnlyUnderTheDirectorysBaseUrl() {
    assertTrue(
        Reconciler.sameOrigin(
            "https://graph.microsoft.com:443/v1.0/users/delta?$deltatoken=x", GRAPH));
    assertTrue(
        Reconciler.sameOrigin(
            "http://127.0.0.1:8080/sandbox/t1/v1.0/users/delta?$deltatoken=x", SANDBOX));
    assertFalse(
        Reconciler.sameOrigin("https://graph.microsoft.com/v1.0/users/delta?x", SANDBOX),
        "Graph's link against the sandbox");
    assertFalse(
        Reconciler.sameOrigin("http://127.0.0.1:9090/sandbox/t1/v1.0/users/delta?x", SANDBOX),
        "another port: another node or an earlier start");
    assertFalse(
        Reconciler.sameOrigin("http://127.0.0.1:8080/sandbox/t2/v1.0/users/delta?x", SANDBOX),
        "another tenant's sandbox");
    assertFalse(Reconciler.sameOrigin("https://graph.microsoft.com/beta/users/delta", GRAPH));
    assertFalse(Reconciler.sameOrigin("not a :// link", GRAPH));
  }
}
