package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Requests checked for which path of the test server answered them: {@link HotUserReads} or not.
 */
record FastPath(TestServer server) {

  /** The reply, after checking the fast path answered it. */
  Http.Reply answered(Supplier<Http.Reply> request) {
    return answered(request, null);
  }

  /**
   * The reply, after checking the fast path answered it, on a reach it remembered or not ({@code
   * null}: either).
   */
  Http.Reply answered(Supplier<Http.Reply> request, @Nullable Boolean onRememberedReach) {
    HotUserReads hot = server.server().hotReads();
    long answered = hot.answered();
    long remembered = hot.onRememberedReach();
    Http.Reply reply = request.get();
    assertEquals(answered + 1, hot.answered(), "answered by the fast path: " + reply);
    if (onRememberedReach != null) {
      assertEquals(
          remembered + (onRememberedReach ? 1 : 0),
          hot.onRememberedReach(),
          "answered on a remembered reach: " + reply);
    }
    return reply;
  }

  /** The reply, after checking the application answered it. */
  Http.Reply passedOn(Supplier<Http.Reply> request) {
    long before = server.server().hotReads().answered();
    Http.Reply reply = request.get();
    assertEquals(
        before, server.server().hotReads().answered(), "passed to the application: " + reply);
    return reply;
  }
}
