package io.tenantsync.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tenantsync.conformance.ConformanceReport.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite can fail: pointed at a server that answers {@code 200 {}} to everything, the standalone
 * runner must report failures in every section.
 */
class StubServerIT {

  private HttpServer stub;

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          final byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  @Test
  void reportShowsFailuresInEverySection() {
    final URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/scim/v2");
    final ScimTarget target =
        new ScimTarget(base, "stub-token", base, "stub-operator-token", "example.com");

    final ConformanceReport report = ConformanceRunner.run(target, EnumSet.allOf(Section.class));

    final StringWriter printed = new StringWriter();
    report.print(new PrintWriter(printed));
    assertFalse(report.passed(), printed::toString);
    assertEquals(EnumSet.allOf(Section.class).size(), report.sections().size(), printed::toString);
    for (final Section section : Section.values()) {
      assertTrue(
          report.count(section, Outcome.FAILED) > 0,
          () -> "no failure in section " + section.tag() + "\n" + printed);
    }
  }

  @Test
  void onlyRunsTheChosenSection() {
    final URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/scim/v2");
    final ConformanceReport report =
        ConformanceRunner.run(ScimTarget.of(base, "t"), EnumSet.of(Section.DISCOVERY));
    assertEquals(1, report.sections().size());
    assertTrue(report.count(Section.DISCOVERY, Outcome.FAILED) > 0);
    assertEquals(0, report.count(Section.USERS, Outcome.FAILED));
  }
}
