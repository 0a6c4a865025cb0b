package io.tenantsync.server.testing;

import io.tenantsync.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TenantSync server in a child JVM (its own outbox workers, its own connection pool) on an {@link
 * ItDatabase}, for tests that need several nodes or a process that dies. Its output is kept (the
 * last lines) for failure messages. {@link #kill} is SIGKILL: no shutdown hook, no graceful stop.
 *
 * <p>Not thread-safe except {@link #output}, which the reader thread fills.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready in \\d+ ms on port (\\d+)");
  private static final int KEPT_LINES = 200;

  private final String name;
  private final Process process;
  private final Deque<String> output = new ArrayDeque<>();
  private volatile int port = -1;

  private ServerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** Starts a node on {@code database} (operator token {@link TestServer#OPERATOR_TOKEN}). */
  public static ServerProcess start(String name, ItDatabase database) {
    ProcessBuilder builder =
        new ProcessBuilder(
            System.getProperty("java.home") + "/bin/java",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.tenantsync.server.TenantSyncServer");
    builder.environment().put(ServerConfig.PORT, "0");
    builder.environment().put(ServerConfig.DB_URL, database.url);
    builder.environment().put(ServerConfig.DB_USER, database.user);
    builder.environment().put(ServerConfig.DB_PASSWORD, database.password);
    builder.environment().put(ServerConfig.OPERATOR_TOKEN, TestServer.OPERATOR_TOKEN);
    builder.environment().put(ServerConfig.RECONCILE_INTERVAL, "0");
    builder.redirectErrorStream(true);
    ServerProcess node;
    try {
      node = new ServerProcess(name, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start server process " + name, e);
    }
    node.awaitReady();
    return node;
  }

  private void awaitReady() {
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  keep(line);
                  Matcher matcher = READY.matcher(line);
                  if (port < 0 && matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                keep("(output closed: " + e + ")");
              }
            },
            "server-process-" + name);
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("server process " + name + " did not start:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  private synchronized void keep(String line) {
    output.addLast(line);
    if (output.size() > KEPT_LINES) {
      output.removeFirst();
    }
  }

  /** The last lines the process printed. */
  public synchronized String output() {
    return "--- " + name + " ---\n" + String.join("\n", output);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public Http operator() {
    return new Http(baseUri(), TestServer.OPERATOR_TOKEN);
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL (on Linux {@link Process#destroyForcibly} is {@code kill -9}); waits until it died. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("server process " + name + " did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM if still alive, then waits. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
