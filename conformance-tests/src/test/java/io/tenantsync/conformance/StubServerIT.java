package io.tenantsync.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite can fail: pointed at a server that answers {@code 200 {}} to everything, the standalone
 * runner must report failures in every section.
 */
class StubServerIT {

  /** A row of the printed table: section, passed, failed, skipped. */
  private static final Pattern TABLE_ROW =
      Pattern.compile("^([a-z]+) +(\\d+) +(\\d+) +(\\d+)$", Pattern.MULTILINE);

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

  /**
   * The standalone jar itself ({@code java -jar target/scim-conformance.jar}, built by {@code
   * package} before failsafe runs), as a user would start it: exit code 1, and in the printed table
   * every section's row has at least one failed check.
   */
  @Test
  void standaloneRunnerReportsFailuresInEverySection() throws IOException, InterruptedException {
    final Path jar = Path.of("target", "scim-conformance.jar");
    assertTrue(Files.isRegularFile(jar), "run `mvn package` first: no " + jar.toAbsolutePath());
    final String base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/scim/v2";
    final Process runner =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--base-url",
                base,
                "--token",
                "stub-token",
                "--installation-url",
                base,
                "--operator-token",
                "stub-operator-token")
            .redirectErrorStream(true)
            .start();
    final String printed = new String(runner.getInputStream().readAllBytes(), UTF_8);
    assertTrue(runner.waitFor(5, TimeUnit.MINUTES), printed);
    assertEquals(1, runner.exitValue(), printed);
    final Map<String, Integer> failedPerSection = new LinkedHashMap<>();
    final Matcher row = TABLE_ROW.matcher(printed);
    while (row.find()) {
      failedPerSection.put(row.group(1), Integer.parseInt(row.group(3)));
    }
    for (final Section section : Section.values()) {
      final Integer failed = failedPerSection.get(section.tag());
      assertNotNull(failed, () -> "no row for section " + section.tag() + "\n" + printed);
      assertTrue(failed > 0, () -> "no failure in section " + section.tag() + "\n" + printed);
    }
  }

  /** The same through the runner's API, with the report's own counts. */
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
