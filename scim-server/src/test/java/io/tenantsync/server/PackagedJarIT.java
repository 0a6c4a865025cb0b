package io.tenantsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.server.config.ServerConfig;
import io.tenantsync.server.testing.ItDatabase;
import io.tenantsync.server.testing.ServerProcess;
import io.tenantsync.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code scim-server.jar}, started with {@code java -jar} as an operator starts it: it
 * announces readiness, serves {@code /readyz}, and on SIGTERM finishes the requests it is serving
 * while refusing new connections and answering {@code /readyz} with 503 on open ones. HTTP is
 * spoken over raw sockets so that the test decides exactly when each byte of a request is sent.
 */
class PackagedJarIT {
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  @TempDir Path directory;

  @Test
  void startsOnTheEmbeddedDefaultAndAnnouncesReadiness() throws Exception {
    ItDatabase database = ItDatabase.create();
    Map<String, String> env = new HashMap<>();
    env.put(ServerConfig.PORT, "0");
    env.put(ServerConfig.OPERATOR_TOKEN, TestServer.OPERATOR_TOKEN);
    if (database.isMariaDb()) {
      env.putAll(ServerProcess.environment(database));
    }
    try (ServerProcess node = ServerProcess.startJar("jar", env, directory)) {
      assertTrue(node.output().matches("(?s).*ready in \\d+ ms on port \\d+.*"), node.output());
      String readyz = exchange(node.port(), get("/readyz"));
      assertTrue(readyz.startsWith("HTTP/1.1 200 "), readyz);
      assertTrue(readyz.contains("\"status\":\"ready\""), readyz);
      if (!database.isMariaDb()) {
        assertTrue(
            Files.exists(directory.resolve("data/tenantsync.mv.db")),
            "the embedded default is an H2 file under ./data");
      }
    }
  }

  @Test
  void sigtermLetsAnInFlightRequestFinishAndRefusesNewConnections() throws Exception {
    try (ServerProcess node = ServerProcess.startJar("draining", environment(), directory)) {
      int port = node.port();
      String body =
          "{\"schemas\":[\"urn:tenantsync:scim:schemas:core:2.0:Reseller\"],"
              + "\"displayName\":\"Drained Reseller\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      try (Socket inFlight = new Socket("127.0.0.1", port);
          Socket prober = new Socket("127.0.0.1", port)) {
        String ready = probe(prober);
        assertTrue(ready.startsWith("HTTP/1.1 200 "), ready);
        OutputStream out = inFlight.getOutputStream();
        out.write(
            ("POST /scim/v2/Resellers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer "
                    + TestServer.OPERATOR_TOKEN
                    + "\r\nContent-Type: application/scim+json\r\nContent-Length: "
                    + bytes.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        int half = bytes.length / 2;
        out.write(bytes, 0, half);
        out.flush();
        Thread.sleep(500); // the server has dispatched the request and waits for its body

        node.terminate();
        awaitRefused(port);
        assertTrue(node.isAlive(), "exited while a request was in flight:\n" + node.output());
        String draining = probe(prober);
        assertTrue(draining.startsWith("HTTP/1.1 503 "), draining);
        assertTrue(draining.contains("\"status\":\"draining\""), draining);

        out.write(bytes, half, bytes.length - half);
        out.flush();
        String reply = readAll(inFlight.getInputStream());
        assertTrue(reply.startsWith("HTTP/1.1 201 "), reply + "\n" + node.output());
        assertTrue(reply.contains("Drained Reseller"), reply);
      }
      assertEquals(143, node.awaitExit(), "SIGTERM exit status\n" + node.output());
      assertTrue(node.output().contains("stopped"), node.output());
    }
  }

  private Map<String, String> environment() {
    ItDatabase database = ItDatabase.create();
    Map<String, String> env = ServerProcess.environment(database);
    if (!database.isMariaDb()) {
      env.put(ServerConfig.DB_URL, "jdbc:h2:file:" + directory.resolve("data/tenantsync"));
    }
    return env;
  }

  /** Waits (up to 10 s) until a new connection to {@code port} is refused. */
  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(50);
      } catch (ConnectException refused) {
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("new connections still accepted 10 s after SIGTERM");
  }

  /** GET /readyz on a kept-alive connection; returns the status line, headers and body. */
  private static String probe(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        "GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("connection closed after:\n" + head);
      }
      head.append((char) b);
    }
    Matcher length = CONTENT_LENGTH.matcher(head);
    if (!length.find()) {
      throw new AssertionError("no Content-Length:\n" + head);
    }
    byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
    return head + new String(body, StandardCharsets.UTF_8);
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  }

  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
