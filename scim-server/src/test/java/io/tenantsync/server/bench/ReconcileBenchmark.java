package io.tenantsync.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantsync.server.TenantSyncServer;
import io.tenantsync.server.config.ServerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reconciles a 100,000-account sandbox tenant and prints how long it took and the heap it needed
 * (issue 5: under 60 s and 512 MB on the 2-core reference machine). Not a test: run it with {@code
 * scripts/bench-reconcile.sh}, which gives this JVM {@code -Xmx512m} — the server, the sandbox it
 * lists over HTTP, and this driver all share that heap.
 *
 * <p>Seeded straight into MariaDB: 100,000 sandbox accounts, half of them licensed; 90,000 of them
 * are managed Users of this server, 1,000 of which lost their license in the tenant (drift); the
 * other 10,000 were created in the tenant (unmanaged). Then a full run and a delta run with no
 * changes are timed.
 */
public final class ReconcileBenchmark {
  static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
  static final int MANAGED = ACCOUNTS * 9 / 10;
  static final int DRIFTED = Math.min(1_000, MANAGED);
  static final String DB = "tenantsync_reconcile_bench";
  static final String ROOT_URL =
      System.getProperty("bench.mariadb", "jdbc:mysql://127.0.0.1:3306/");
  static final String TOKEN = "bench-operator-token-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private ReconcileBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (Connection root = DriverManager.getConnection(ROOT_URL, "root", "");
        Statement s = root.createStatement()) {
      s.execute("drop database if exists " + DB);
      s.execute("create database " + DB + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }
    String url = ROOT_URL + DB;
    TenantSyncServer server =
        TenantSyncServer.start(
            ServerConfig.fromEnvironment(
                Map.of(
                    ServerConfig.PORT, "0",
                    ServerConfig.DB_URL, url,
                    ServerConfig.DB_USER, "root",
                    ServerConfig.DB_PASSWORD, "",
                    ServerConfig.OPERATOR_TOKEN, TOKEN,
                    ServerConfig.RECONCILE_INTERVAL, "0")));
    try {
      URI base = server.baseUri();
      String tenant =
          post(
                  base,
                  "/scim/v2/Tenants",
                  "{\"displayName\":\"bench\",\"initialDomain\":\"bench.onmicrosoft.com\"}")
              .path("id")
              .asText();
      JsonNode product =
          post(
              base,
              "/scim/v2/tenants/" + tenant + "/Products",
              "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":"
                  + ACCOUNTS
                  + "}}");
      long seedStart = System.nanoTime();
      seed(url, tenant, product.path("id").asText(), product.path("skuId").asText());
      System.out.printf(
          "seeded %,d accounts (%,d managed) in %.1f s%n",
          ACCOUNTS, MANAGED, (System.nanoTime() - seedStart) / 1e9);

      System.gc();
      Run full = measured(() -> reconcile(base, tenant, "full"));
      System.gc();
      Run delta = measured(() -> reconcile(base, tenant, "delta"));

      System.out.println();
      System.out.printf(
          "%-8s %8s %9s %10s %8s %7s %13s %15s%n",
          "run",
          "seconds",
          "scanned",
          "unmanaged",
          "drifted",
          "failed",
          "peak used MB",
          "pool peaks MB");
      print("full", full);
      print("delta", delta);
      System.out.printf(
          "max heap %d MB; load average %.2f; targets: full run < 60 s and < 512 MB heap%n",
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println(
          "peak used = highest heap in use, sampled every 10 ms; pool peaks = sum of each heap"
              + " pool's own peak (an upper bound: the pools need not peak together)");
    } finally {
      server.close();
      try (Connection root = DriverManager.getConnection(ROOT_URL, "root", "");
          Statement s = root.createStatement()) {
        s.execute("drop database if exists " + DB);
      }
    }
  }

  record Run(double seconds, JsonNode body, long peakUsedMb, long poolPeaksMb) {}

  interface Timed {
    Run run() throws Exception;
  }

  /** Runs {@code timed} while sampling the heap in use; returns its run with both peaks. */
  static Run measured(Timed timed) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    resetPeaks();
    sampler.start();
    Run run;
    try {
      run = timed.run();
    } finally {
      done.set(true);
      sampler.join();
    }
    return new Run(run.seconds(), run.body(), peak.get() / (1024 * 1024), poolPeaksMb());
  }

  static void print(String name, Run run) {
    System.out.printf(
        "%-8s %8.1f %9d %10d %8d %7d %13d %15d%n",
        name,
        run.seconds(),
        run.body().path("scanned").asLong(),
        run.body().path("unmanaged").asLong(),
        run.body().path("drifted").asLong(),
        run.body().path("failed").asLong(),
        run.peakUsedMb(),
        run.poolPeaksMb());
    if (!run.body().path("status").asText().equals("completed")) {
      System.out.println("  run did not complete: " + run.body());
    }
  }

  static Run reconcile(URI base, String tenant, String mode) throws Exception {
    long start = System.nanoTime();
    String id =
        post(base, "/scim/v2/tenants/" + tenant + "/Reconciliations", "{\"mode\":\"" + mode + "\"}")
            .path("id")
            .asText();
    while (true) {
      JsonNode run = get(base, "/scim/v2/tenants/" + tenant + "/Reconciliations/" + id);
      String status = run.path("status").asText();
      if (status.equals("completed") || status.equals("failed")) {
        return new Run((System.nanoTime() - start) / 1e9, run, 0, 0);
      }
      Thread.sleep(200);
    }
  }

  /** Accounts straight into the database: the sandbox's and, for managed ones, the server's. */
  static void seed(String url, String tenant, String productId, String skuId) throws Exception {
    long now = System.currentTimeMillis();
    try (Connection c =
        DriverManager.getConnection(url + "?rewriteBatchedStatements=true", "root", "")) {
      c.setAutoCommit(false);
      int licensedInTenant = 0;
      int licensedHere = 0;
      try (PreparedStatement account =
              c.prepareStatement(
                  "insert into sandbox_user (id, tenant_id, state, user_principal_name, upn_ci,"
                      + " display_name, mail_nickname, account_enabled, usage_location,"
                      + " on_premises_sync, other_mails, change_seq, created_at, last_modified,"
                      + " version) values (?, ?, 'active', ?, ?, ?, ?, true, 'DE', false, '[]',"
                      + " ?, ?, ?, 0)");
          PreparedStatement license =
              c.prepareStatement(
                  "insert into sandbox_user_license (user_id, ordinal, tenant_id, sku_id,"
                      + " disabled_plans) values (?, 0, ?, ?, '[]')");
          PreparedStatement user =
              c.prepareStatement(
                  "insert into scim_user (id, tenant_id, user_name, user_name_ci,"
                      + " initial_user_name, initial_user_name_ci, display_name, active, managed,"
                      + " source, tenant_object_id, usage_location, sync_state, retained,"
                      + " attributes, created_at, last_modified, version)"
                      + " values (?, ?, ?, ?, ?, ?, ?, true, true, 'scim', ?, 'DE', 'synced',"
                      + " false, ?, ?, ?, 0)");
          PreparedStatement held =
              c.prepareStatement(
                  "insert into user_license (user_id, product_id, tenant_id, suspended,"
                      + " assigned_at) values (?, ?, ?, false, ?)")) {
        for (int i = 0; i < ACCOUNTS; i++) {
          String objectId = UUID.randomUUID().toString();
          String upn = "u" + i + "@bench.onmicrosoft.com";
          boolean licensed = i % 2 == 0;
          boolean managed = i < MANAGED;
          boolean drifted = managed && licensed && i < DRIFTED * 2;
          account.setString(1, objectId);
          account.setString(2, tenant);
          account.setString(3, upn);
          account.setString(4, upn);
          account.setString(5, "User " + i);
          account.setString(6, "u" + i);
          account.setLong(7, i + 1L);
          account.setLong(8, now);
          account.setLong(9, now);
          account.addBatch();
          if (licensed && !drifted) {
            license.setString(1, objectId);
            license.setString(2, tenant);
            license.setString(3, skuId);
            license.addBatch();
            licensedInTenant++;
          }
          if (managed) {
            String userId = UUID.randomUUID().toString();
            user.setString(1, userId);
            user.setString(2, tenant);
            user.setString(3, upn);
            user.setString(4, upn);
            user.setString(5, upn);
            user.setString(6, upn);
            user.setString(7, "User " + i);
            user.setString(8, objectId);
            user.setString(9, "{\"displayName\":\"User " + i + "\"}");
            user.setLong(10, now);
            user.setLong(11, now);
            user.addBatch();
            if (licensed) {
              held.setString(1, userId);
              held.setString(2, productId);
              held.setString(3, tenant);
              held.setLong(4, now);
              held.addBatch();
              licensedHere++;
            }
          }
          if (i % 5_000 == 4_999) {
            account.executeBatch();
            license.executeBatch();
            user.executeBatch();
            held.executeBatch();
            c.commit();
          }
        }
        account.executeBatch();
        license.executeBatch();
        user.executeBatch();
        held.executeBatch();
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "update product set consumed_units = "
                + licensedHere
                + " where id = '"
                + productId
                + "'");
        s.executeUpdate(
            "update sandbox_sku set consumed_units = "
                + licensedInTenant
                + " where tenant_id = '"
                + tenant
                + "'");
        int updated =
            s.executeUpdate(
                "update sandbox_directory set change_seq = "
                    + ACCOUNTS
                    + " where tenant_id = '"
                    + tenant
                    + "'");
        if (updated == 0) {
          s.executeUpdate(
              "insert into sandbox_directory (tenant_id, change_seq, delta_floor) values ('"
                  + tenant
                  + "', "
                  + ACCOUNTS
                  + ", 0)");
        }
        s.execute("analyze table sandbox_user, sandbox_user_license, scim_user, user_license");
      }
      c.commit();
    }
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  static long poolPeaksMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }

  static JsonNode post(URI base, String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST " + path + " → " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static JsonNode get(URI base, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
