package io.tenantsync.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tenantsync.server.TenantSyncServer;
import io.tenantsync.server.config.ServerConfig;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.CursorState;
import io.tenantsync.server.testing.SeededUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Read throughput and latency of TenantSync on a tenant of 1,000,000 users (MySQL/MariaDB), against
 * a yardstick in the same run: a bare Jetty 12 handler answering one primary-key lookup over
 * HikariCP as JSON. Not a test (no assertion, not run by the build); {@code scripts/bench-reads.sh}
 * builds and runs it.
 *
 * <p>Scenarios, each driven by {@code threads} HTTP clients, first all for a warm-up and then each
 * for a measured period: the yardstick; {@code GET /Users/{id}}; {@code filter=userName eq "…"};
 * the first cursor page and a cursor page deep in the list (RFC 9865). SCIM requests carry a
 * reseller token, so every request pays for authentication and the delegated-admin check as in
 * production.
 *
 * <p>System properties: {@code bench.url} (server, default {@code jdbc:mysql://127.0.0.1:3306/}),
 * {@code bench.user} ({@code root}), {@code bench.password} (empty), {@code bench.database} ({@code
 * tenantsync_bench}, dropped and created), {@code bench.users} (1000000), {@code bench.threads}
 * (4), {@code bench.seconds} (15 per scenario, split into {@code bench.rounds}, 3, taken in turn
 * with the other scenarios), {@code bench.warmup} (5), {@code bench.count} (page size, 100), {@code
 * bench.keep} (true: keep the database), {@code bench.reuse} (true: keep the database and reuse the
 * users an earlier run seeded, when it has exactly {@code bench.users}), {@code bench.only} (a
 * regular expression: run only the scenarios it matches, besides the yardstick).
 */
public final class ReadsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPERATOR_TOKEN = "bench-operator-token-0123456789";

  private final String serverUrl = System.getProperty("bench.url", "jdbc:mysql://127.0.0.1:3306/");
  private final String user = System.getProperty("bench.user", "root");
  private final String password = System.getProperty("bench.password", "");
  private final String database = System.getProperty("bench.database", "tenantsync_bench");
  private final int users = Integer.getInteger("bench.users", 1_000_000);
  private final int threads = Integer.getInteger("bench.threads", 4);
  private final int seconds = Integer.getInteger("bench.seconds", 15);
  private final int warmup = Integer.getInteger("bench.warmup", 5);
  private final int count = Integer.getInteger("bench.count", 100);
  private final int rounds = Integer.getInteger("bench.rounds", 3);
  private final boolean reuse = Boolean.getBoolean("bench.reuse");
  private final String only = System.getProperty("bench.only", ".*");
  private final CpuClock cpu = new CpuClock();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public static void main(String[] args) throws Exception {
    new ReadsBenchmark().run();
  }

  private void run() throws Exception {
    String url = serverUrl + database;
    Optional<SeededTenant> reused = reuse ? seededTenant(url) : Optional.empty();
    if (reused.isEmpty()) {
      try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database);
        statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
      }
    }
    Map<String, String> env = new HashMap<>();
    env.put(ServerConfig.PORT, "0");
    env.put(ServerConfig.DB_URL, url);
    env.put(ServerConfig.DB_USER, user);
    env.put(ServerConfig.DB_PASSWORD, password);
    env.put(ServerConfig.OPERATOR_TOKEN, OPERATOR_TOKEN);
    env.put(ServerConfig.RECONCILE_INTERVAL, "0");
    TenantSyncServer server = TenantSyncServer.start(ServerConfig.fromEnvironment(env));
    Server yardstick = null;
    HikariDataSource pool = null;
    boolean keep = reuse || Boolean.parseBoolean(System.getProperty("bench.keep", "false"));
    try {
      URI base = server.baseUri();
      SeededTenant tenant;
      if (reused.isPresent()) {
        tenant = reused.get();
        System.out.printf("reusing %,d seeded users of tenant %s%n", users, tenant.tenantId());
      } else {
        tenant = createTenant(base);
        seed(url, tenant.users());
      }
      String token = resellerToken(base, tenant.resellerId());
      String tenantId = tenant.tenantId();
      SeededUsers seeded = tenant.users();

      pool = yardstickPool(url);
      yardstick = yardstick(pool);
      URI yard =
          URI.create(
              "http://127.0.0.1:"
                  + ((ServerConnector) yardstick.getConnectors()[0]).getLocalPort()
                  + "/");
      byte[] cursorKey = cursorKey(url);
      String list = base + "/scim/v2/tenants/" + tenantId + "/Users";
      int deepFrom = users - users / 10;
      String fingerprint = CursorCodec.queryFingerprint("User|", null, null);

      Map<String, IntFunction<HttpRequest>> scenarios = new LinkedHashMap<>();
      scenarios.put(
          "yardstick: Jetty+JDBC by id",
          r -> get(URI.create(yard + "users/" + seeded.id(r % users)), null));
      scenarios.put(
          "GET /Users/{id}", r -> get(URI.create(list + "/" + seeded.id(r % users)), token));
      scenarios.put(
          "filter=userName eq",
          r ->
              get(
                  URI.create(
                      list
                          + "?filter="
                          + URLEncoder.encode(
                              "userName eq \"" + seeded.userName(r % users) + "\"",
                              StandardCharsets.UTF_8)),
                  token));
      scenarios.put(
          "cursor: first page", r -> get(URI.create(list + "?count=" + count + "&cursor="), token));
      CursorCodec codec = new CursorCodec(cursorKey);
      scenarios.put(
          "cursor: deep page (last 10%)",
          r -> {
            String cursor =
                codec.encode(
                    new CursorState(
                        tenantId,
                        fingerprint,
                        null,
                        seeded.id(deepFrom + r % (users - deepFrom - count)),
                        System.currentTimeMillis() + 600_000,
                        true,
                        users));
            return get(URI.create(list + "?count=" + count + "&cursor=" + cursor), token);
          });

      // The yardstick always runs: every figure is relative to it.
      scenarios.keySet().removeIf(name -> !name.startsWith("yardstick") && !name.matches(only));
      // Measured in rounds, each scenario in turn, so that a change in the machine's speed during
      // the run (other load, frequency) affects the scenarios compared alike, not only the one it
      // hit: the point reads with the yardstick, then the cursor pages with each other (kept apart
      // because counting a million rows for the first page turns over the database's buffer pool,
      // which would weigh on whichever point read came next).
      // Each group's scenarios are all warmed up before any is measured, so none pays for
      // compiling the code paths they share (the HTTP client, Jetty, the driver) while the others
      // are measured warm.
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      for (boolean cursors : new boolean[] {false, true}) {
        for (Map.Entry<String, IntFunction<HttpRequest>> scenario : scenarios.entrySet()) {
          if (scenario.getKey().startsWith("cursor") == cursors) {
            System.out.printf("warming up %s …%n", scenario.getKey());
            drive(scenario.getValue(), warmup);
          }
        }
        for (int round = 1; round <= rounds; round++) {
          for (Map.Entry<String, IntFunction<HttpRequest>> scenario : scenarios.entrySet()) {
            if (scenario.getKey().startsWith("cursor") != cursors) {
              continue;
            }
            System.out.printf("round %d/%d: %s …%n", round, rounds, scenario.getKey());
            runs.computeIfAbsent(scenario.getKey(), name -> new ArrayList<>())
                .add(drive(scenario.getValue(), Math.max(1, seconds / rounds)));
          }
        }
      }
      Map<String, Result> results = new LinkedHashMap<>();
      runs.forEach((name, measured) -> results.put(name, Run.combine(measured)));
      print(results);
    } finally {
      if (yardstick != null) {
        yardstick.stop();
      }
      if (pool != null) {
        pool.close();
      }
      server.close();
      if (!keep) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
            Statement statement = connection.createStatement()) {
          statement.execute("DROP DATABASE IF EXISTS " + database);
        }
      }
    }
  }

  /** A tenant with its reseller, to be filled with {@link SeededUsers}. */
  private record SeededTenant(String resellerId, String tenantId, SeededUsers users) {}

  private SeededTenant createTenant(URI base) throws Exception {
    String reseller =
        post(
                base,
                OPERATOR_TOKEN,
                "Resellers",
                "{\"schemas\":[\"urn:tenantsync:scim:schemas:core:2.0:Reseller\"],\"displayName\":\"bench\"}")
            .path("id")
            .asText();
    String label = "bench" + System.currentTimeMillis();
    String tenantId =
        post(
                base,
                resellerToken(base, reseller),
                "Tenants",
                "{\"schemas\":[\"urn:tenantsync:scim:schemas:core:2.0:Tenant\"],\"displayName\":\""
                    + label
                    + "\",\"initialDomain\":\""
                    + label
                    + ".onmicrosoft.com\"}")
            .path("id")
            .asText();
    return new SeededTenant(
        reseller,
        tenantId,
        new SeededUsers(
            tenantId, label + ".onmicrosoft.com", System.currentTimeMillis() - 86_400_000L));
  }

  /** A fresh token of the reseller (tokens are shown only once, so each run makes its own). */
  private String resellerToken(URI base, String resellerId) throws Exception {
    return post(
            base,
            OPERATOR_TOKEN,
            "ApiTokens",
            "{\"schemas\":[\"urn:tenantsync:scim:schemas:core:2.0:ApiToken\"],\"subject\":{\"type\":\"reseller\",\"value\":\""
                + resellerId
                + "\"},\"displayName\":\"bench\"}")
        .path("token")
        .asText();
  }

  /**
   * With {@code bench.reuse}: the tenant an earlier run seeded with exactly {@code bench.users}
   * users, if the database holds one; saves the seeding when iterating on the server.
   */
  private Optional<SeededTenant> seededTenant(String url) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT t.id, t.initial_domain, t.created_by_reseller,"
                    + " (SELECT count(*) FROM scim_user u WHERE u.tenant_id = t.id)"
                    + " FROM tenant t WHERE t.created_by_reseller IS NOT NULL")) {
      while (rs.next()) {
        if (rs.getLong(4) == users) {
          return Optional.of(
              new SeededTenant(
                  rs.getString(3),
                  rs.getString(1),
                  new SeededUsers(rs.getString(1), rs.getString(2), 0)));
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.empty(); // no such database yet: seed one
    }
  }

  /** Two loaders on disjoint ranges, then fresh statistics. */
  private void seed(String url, SeededUsers seeded) throws Exception {
    long started = System.nanoTime();
    int loaders = 2;
    ExecutorService pool = Executors.newFixedThreadPool(loaders);
    List<Future<?>> done = new ArrayList<>();
    for (int l = 0; l < loaders; l++) {
      int from = (int) ((long) users * l / loaders);
      int to = (int) ((long) users * (l + 1) / loaders);
      done.add(
          pool.submit(
              () -> {
                try (Connection connection = SeededUsers.bulkConnection(url, user, password)) {
                  seeded.insert(connection, from, to);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE TABLE scim_user, user_email");
    }
    System.out.printf("seeded %,d users in %.1f s%n", users, (System.nanoTime() - started) / 1e9);
  }

  /**
   * The yardstick's pool: the driver options of the pool TenantSync's hot reads use (statements
   * prepared on the server and kept), autocommit on.
   */
  private HikariDataSource yardstickPool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        url
            + "?connectionTimeZone=UTC&characterEncoding=UTF-8&useServerPrepStmts=true"
            + "&cachePrepStmts=true&prepStmtCacheSize=16&prepStmtCacheSqlLimit=2048"
            + "&cacheResultSetMetadata=true&useLocalSessionState=true");
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }

  /** {@code GET /users/{id}}: one indexed SELECT, the row as JSON; 404 if absent. */
  private static Server yardstick(HikariDataSource pool) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            String path = Request.getPathInContext(request);
            String id = path.substring(path.lastIndexOf('/') + 1);
            ObjectNode body = null;
            try (Connection connection = pool.getConnection();
                PreparedStatement select =
                    connection.prepareStatement(
                        "SELECT id, user_name, external_id, display_name, given_name,"
                            + " family_name, active, attributes, created_at, last_modified,"
                            + " version FROM scim_user WHERE id = ?")) {
              select.setString(1, id);
              try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                  body = (ObjectNode) JSON.readTree(rs.getString("attributes"));
                  body.put("id", rs.getString("id"));
                  body.put("userName", rs.getString("user_name"));
                  body.put("active", rs.getBoolean("active"));
                  body.putObject("meta")
                      .put("created", rs.getLong("created_at"))
                      .put("lastModified", rs.getLong("last_modified"))
                      .put("version", "W/\"" + rs.getLong("version") + "\"");
                }
              }
            }
            response.setStatus(body == null ? 404 : 200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return true;
          }
        });
    server.start();
    return server;
  }

  private byte[] cursorKey(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT secret FROM installation_secret WHERE name = 'cursor-signing'")) {
      if (!rs.next()) {
        throw new IllegalStateException("no cursor key: the server has not started");
      }
      return Base64.getDecoder().decode(rs.getString(1));
    }
  }

  /** Every request completed in {@code seconds} by {@code threads} clients. */
  private Run drive(IntFunction<HttpRequest> requests, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> perThread = new ArrayList<>();
    long started = System.nanoTime();
    long cpuStarted = cpu.nanos();
    long dbStarted = cpu.databaseNanos().orElse(0);
    for (int t = 0; t < threads; t++) {
      perThread.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                  HttpRequest request =
                      requests.apply(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
                  long t0 = System.nanoTime();
                  HttpResponse<byte[]> response =
                      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  long took = System.nanoTime() - t0;
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                        request.uri()
                            + " → "
                            + response.statusCode()
                            + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                  }
                  if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                  }
                  latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : perThread) {
      all.add(f.get());
    }
    long elapsed = System.nanoTime() - started;
    long cpuNanos = cpu.nanos() - cpuStarted;
    long dbNanos = cpu.databaseNanos().orElse(0) - dbStarted;
    pool.shutdown();
    return new Run(
        all.stream().flatMapToLong(Arrays::stream).toArray(), elapsed, cpuNanos, dbNanos);
  }

  /** One measured period of one scenario: every request's latency (ns), wall and CPU time. */
  private record Run(long[] latencies, long elapsedNanos, long cpuNanos, long dbNanos) {
    static Result combine(List<Run> runs) {
      long[] merged =
          runs.stream().flatMapToLong(run -> Arrays.stream(run.latencies())).sorted().toArray();
      double elapsed = runs.stream().mapToLong(Run::elapsedNanos).sum() / 1e9;
      long cpu = runs.stream().mapToLong(Run::cpuNanos).sum();
      long db = runs.stream().mapToLong(Run::dbNanos).sum();
      return new Result(
          merged.length,
          merged.length / elapsed,
          pct(merged, 50),
          pct(merged, 99),
          cpu / 1e3 / Math.max(1, merged.length),
          db / 1e3 / Math.max(1, merged.length));
    }
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /** One scenario's figures; {@code cpuMicros} is CPU per request (JVM, clients included, + DB). */
  private record Result(
      long requests,
      double perSecond,
      double p50Millis,
      double p99Millis,
      double cpuMicros,
      double dbMicros) {}

  private void print(Map<String, Result> results) {
    Result yard = results.values().iterator().next();
    System.out.printf(
        "%n%,d users, %d client threads, %d s per scenario in %d rounds (after %d s warm-up),"
            + " page size %d, %d CPUs, max heap %d MiB%n",
        users,
        threads,
        seconds,
        rounds,
        warmup,
        count,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        "%-30s %9s %9s %8s %8s %8s %7s %13s %11s%n",
        "scenario",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "CPU µs",
        "of DB",
        "req/s vs yd",
        "CPU vs yd");
    results.forEach(
        (name, r) ->
            System.out.printf(
                Locale.ROOT,
                "%-30s %9d %9.1f %8.2f %8.2f %8.0f %7.0f %12.0f%% %10.0f%%%n",
                name,
                r.requests(),
                r.perSecond(),
                r.p50Millis(),
                r.p99Millis(),
                r.cpuMicros(),
                r.dbMicros(),
                100 * r.perSecond() / yard.perSecond(),
                100 * yard.cpuMicros() / r.cpuMicros()));
    System.out.printf(
        "CPU µs: CPU time per request of this JVM (server and clients)%s (\"of DB\": the"
            + " database server's part); \"CPU vs yd\" is the"
            + " throughput the CPU cost allows relative to the yardstick, unaffected by other load%n",
        cpu.seesDatabase() ? " plus the database server" : " (database server not found)");
    Result first = results.get("cursor: first page");
    Result deep = results.get("cursor: deep page (last 10%)");
    if (first != null && deep != null) {
      System.out.printf(
          Locale.ROOT,
          "deep cursor page / first page latency: p50 %.2fx, p99 %.2fx (target <= 1.2x)%n",
          deep.p50Millis() / first.p50Millis(),
          deep.p99Millis() / first.p99Millis());
    }
    System.out.println("SCIM reads' target: >= 70% of the yardstick's throughput");
  }

  private HttpRequest get(URI uri, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.GET().build();
  }

  private JsonNode post(URI base, String token, String path, String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/scim/v2/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " → " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
