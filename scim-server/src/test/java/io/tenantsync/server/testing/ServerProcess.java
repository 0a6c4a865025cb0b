package io.tenantsync.server.testing;

import io.tenantsync.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TenantSync server in a child JVM (its own outbox workers, its own connection pool), for tests
 * that need several nodes, a process that dies, or the packaged jar exactly as an operator starts
 * it ({@link #startJar}). Its output is kept (the last lines) for failure messages. {@link #kill}
 * is SIGKILL: no shutdown hook, no graceful stop.
 *
 * <p>Not thread-safe except {@link #output}, which the reader thread fills.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("ready in \\d+ ms on port (\\d+)");
  private static final int KEPT_LINES = 200;

  private final String name;
  private final Process process;
  private final Path outputFile;
  private final Deque<String> output = new ArrayDeque<>();
  private final CountDownLatch outputClosed = new CountDownLatch(1);
  private volatile int port = -1;

  private ServerProcess(String name, Process process, Path outputFile) {
    this.name = name;
    this.process = process;
    this.outputFile = outputFile;
  }

  /** Starts a node on {@code database} (operator token {@link TestServer#OPERATOR_TOKEN}). */
  public static ServerProcess start(String name, ItDatabase database) {
    ServerProcess node = launch(name, classPathCommand(), environment(database), Path.of("."));
    node.awaitReady();
    return node;
  }

  /**
   * Starts {@code java -jar target/scim-server.jar} — the packaged artifact, as an operator runs it
   * — in {@code workingDirectory} (where the default {@code ./data} lands) with exactly the
   * TenantSync variables of {@code environment}, and waits until it logs {@code ready in N ms}.
   */
  public static ServerProcess startJar(
      String name, Map<String, String> environment, Path workingDirectory) {
    ServerProcess node = launch(name, jarCommand(), environment, workingDirectory);
    node.awaitReady();
    return node;
  }

  /**
   * Runs the packaged jar with {@code environment} where it is expected not to start: returns its
   * exit status and everything it printed (standard output and error together).
   */
  public static Exited runJarExpectingExit(Map<String, String> environment) {
    ServerProcess node = launch("failing start", jarCommand(), environment, Path.of("."));
    node.readOutput(new CountDownLatch(1));
    int status = node.awaitExit();
    synchronized (node) {
      return new Exited(status, String.join("\n", node.output));
    }
  }

  /** What a process that ended printed, and its exit status. */
  public record Exited(int status, String output) {}

  /** The settings of a test node on {@code database}: port 0, test operator token, no schedule. */
  public static Map<String, String> environment(ItDatabase database) {
    Map<String, String> env = new HashMap<>();
    env.put(ServerConfig.PORT, "0");
    env.put(ServerConfig.DB_URL, database.url);
    env.put(ServerConfig.DB_USER, database.user);
    env.put(ServerConfig.DB_PASSWORD, database.password);
    env.put(ServerConfig.OPERATOR_TOKEN, TestServer.OPERATOR_TOKEN);
    env.put(ServerConfig.RECONCILE_INTERVAL, "0");
    return env;
  }

  /** The runnable jar {@code mvn package} builds; failsafe runs after {@code package}. */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("basedir", "."), "target", "scim-server.jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar.toAbsolutePath() + " is missing: run mvn package first");
    }
    return jar;
  }

  private static List<String> classPathCommand() {
    return List.of(
        javaExecutable(),
        "-Xmx256m",
        "-cp",
        System.getProperty("java.class.path"),
        "io.tenantsync.server.TenantSyncServer");
  }

  private static List<String> jarCommand() {
    return List.of(javaExecutable(), "-Xmx256m", "-jar", jar().toAbsolutePath().toString());
  }

  private static String javaExecutable() {
    return System.getProperty("java.home") + "/bin/java";
  }

  private static ServerProcess launch(
      String name, List<String> command, Map<String, String> environment, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("TENANTSYNC_"));
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    try {
      Path output = Files.createTempFile("tenantsync-" + name.replace(' ', '-'), ".log");
      output.toFile().deleteOnExit();
      builder.redirectOutput(output.toFile());
      return new ServerProcess(name, builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start server process " + name, e);
    }
  }

  private void awaitReady() {
    CountDownLatch ready = new CountDownLatch(1);
    readOutput(ready);
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

  /**
   * Keeps the process's output and counts {@code ready} down once it logs its port. The output goes
   * to a file that this thread follows: a pipe would lose the last lines when the JDK drains it on
   * the process's exit while a read is under way.
   */
  private void readOutput(CountDownLatch ready) {
    Thread reader =
        new Thread(
            () -> {
              try (InputStreamReader in =
                  new InputStreamReader(Files.newInputStream(outputFile), StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                char[] buffer = new char[8192];
                boolean exited = false;
                while (true) {
                  int read = in.read(buffer);
                  if (read < 0) {
                    if (exited) {
                      break;
                    }
                    exited = !process.isAlive();
                    Thread.sleep(exited ? 0 : 20);
                    continue;
                  }
                  for (int k = 0; k < read; k++) {
                    if (buffer[k] == '\n') {
                      line(line.toString(), ready);
                      line.setLength(0);
                    } else {
                      line.append(buffer[k]);
                    }
                  }
                }
                if (line.length() > 0) {
                  line(line.toString(), ready);
                }
              } catch (IOException e) {
                keep("(output unreadable: " + e + ")");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                outputClosed.countDown();
              }
            },
            "server-process-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void line(String line, CountDownLatch ready) {
    keep(line);
    Matcher matcher = READY.matcher(line);
    if (port < 0 && matcher.find()) {
      port = Integer.parseInt(matcher.group(1));
      ready.countDown();
    }
  }

  /** Waits until the process's output has been read to its end (after it exited). */
  private void outputDone() {
    try {
      if (!outputClosed.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("output of " + name + " did not end");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /** Requests with {@code token} as bearer token. */
  public Http as(String token) {
    return new Http(baseUri(), token);
  }

  public Http operator() {
    return new Http(baseUri(), TestServer.OPERATOR_TOKEN);
  }

  /** The port the process announced in its {@code ready} line. */
  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL (on Linux {@link Process#destroyForcibly} is {@code kill -9}); waits until it died. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM, as an orchestrator stops a node: the process drains and exits on its own. */
  public void terminate() {
    process.destroy();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits (up to 60 s) until the process ended; returns its exit status. */
  public int awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("server process " + name + " did not exit:\n" + output());
      }
      outputDone();
      return process.exitValue();
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
