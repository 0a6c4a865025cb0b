package io.tenantsync.server.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.ItDatabase;
import io.tenantsync.server.testing.ServerProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: a server killed with SIGKILL while it drains the outbox, then restarted, loses no change
 * and applies none twice. Runs on MariaDB only (the processes share the database).
 *
 * <p>The test runs its server nodes as child processes on a database of its own, not on the one of
 * {@code TestServer.shared()}: that in-JVM server has outbox workers too, which would drain the
 * rows for the killed node. While the users are written, the tenant's outbox is held through the
 * workers' own per-tenant pause ({@code tenant_sync.paused_until}), so that the kill finds most
 * rows still pending; the hold is lifted before the kill.
 */
class OutboxCrashIT {
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";
  static final int USERS = 60;
  static final int CHANGES_PER_USER = 4;

  @Test
  void aNodeKilledWhileDrainingLosesNothingAndDuplicatesNothingAfterRestart() throws Exception {
    ItDatabase database = ItDatabase.create();
    assumeTrue(database.isMariaDb(), "needs a database shared by processes");

    long started = System.nanoTime();
    ServerProcess first = ServerProcess.start("node A", database);
    ServerProcess second = null;
    try {
      Http op = first.operator();
      String label = Fixtures.unique("t");
      String domain = label + ".onmicrosoft.com";
      String tenant =
          op.post(
                  "Tenants",
                  """
                  {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Tenant"],
                   "displayName":"%s","initialDomain":"%s"}"""
                      .formatted(label, domain))
              .expect(201)
              .id();
      String users = "tenants/" + tenant + "/Users";
      String skuId =
          op.post(
                  "tenants/" + tenant + "/Products",
                  "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"prepaidUnits\":{\"enabled\":"
                      + USERS
                      + "}}")
              .expect(201)
              .json()
              .path("skuId")
              .asText();

      hold(database, tenant, Long.MAX_VALUE);
      long writing = System.nanoTime();
      List<String> ids = writeUsers(op, users, domain);
      long written = System.nanoTime();
      assertEquals(USERS * CHANGES_PER_USER, count(database, tenant, "pending"), "rows written");

      hold(database, tenant, 0);
      int caughtCreates = awaitDrainingUnderWay(database, tenant);
      first.kill();

      long pendingAfterKill = count(database, tenant, "pending");
      long doneAfterKill = count(database, tenant, "done");
      String atKill =
          "at the kill: %d done, %d pending, %d accounts created without their row committed"
              .formatted(doneAfterKill, pendingAfterKill, createdButPending(database, tenant));
      assertTrue(doneAfterKill > 0, "draining had started; " + atKill);
      assertTrue(pendingAfterKill > USERS, "most rows still pending; " + atKill);

      long restarting = System.nanoTime();
      second = ServerProcess.start("node B", database);
      long restarted = System.nanoTime();
      awaitDrained(database, tenant, second);
      System.out.printf(
          "OutboxCrashIT %s (seen before the kill: %d); ms: set-up %d, writes %d, drain until kill"
              + " %d, restart %d, drain after restart %d%n",
          atKill,
          caughtCreates,
          millis(started, writing),
          millis(writing, written),
          millis(written, restarting),
          millis(restarting, restarted),
          millis(restarted, System.nanoTime()));

      assertEquals(0, count(database, tenant, "failed"), "failed rows: " + failures(database));
      assertEquals(USERS * CHANGES_PER_USER, count(database, tenant, "done"), "rows done");
      assertEquals(0, outOfOrder(database, tenant), "a user's later row applied before an earlier");
      assertEquals(USERS, sandboxRows(database, tenant), "sandbox accounts, deleted ones included");

      Http afterRestart = second.operator();
      JsonNode accounts =
          afterRestart
              .get(
                  "/sandbox/"
                      + tenant
                      + "/v1.0/users?$top=999&$select=id,userPrincipalName,displayName,"
                      + "assignedLicenses")
              .expect(200)
              .json()
              .path("value");
      assertEquals(USERS, accounts.size(), "one account per user: " + accounts);
      Map<String, JsonNode> byUpn = new HashMap<>();
      for (JsonNode account : accounts) {
        JsonNode before = byUpn.put(account.path("userPrincipalName").asText(), account);
        assertEquals(null, before, "two accounts for one user principal name: " + account);
      }
      for (int i = 0; i < USERS; i++) {
        JsonNode user = afterRestart.get(users + "/" + ids.get(i)).expect(200).json();
        assertEquals("synced", user.path(EXT).path("syncState").asText(), user.toString());
        JsonNode account = byUpn.get(upn(i, domain));
        assertTrue(account != null, "no account for " + upn(i, domain) + ": " + accounts);
        assertEquals(user.path(EXT).path("tenantObjectId").asText(), account.path("id").asText());
        assertEquals(displayName(i, 3), account.path("displayName").asText(), "last change wins");
        JsonNode licenses = account.path("assignedLicenses");
        assertEquals(1, licenses.size(), "licenses of " + account);
        assertEquals(skuId, licenses.get(0).path("skuId").asText());
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          e.getMessage() + "\n" + first.output() + (second == null ? "" : "\n" + second.output()),
          e);
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }

  /**
   * Creates the users, then changes each of them three times, each round after the previous one for
   * every user, so a user's rows are ordered: v1 → v2 → a license → v3.
   */
  private static List<String> writeUsers(Http op, String users, String domain) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<String> ids =
          round(
              pool,
              i ->
                  op.post(
                          users,
                          "{\"userName\":\"%s\",\"displayName\":\"%s\",\"%s\":{\"usageLocation\":\"DE\"}}"
                              .formatted(upn(i, domain), displayName(i, 1), EXT))
                      .expect(201)
                      .id());
      round(pool, i -> replaceDisplayName(op, users + "/" + ids.get(i), displayName(i, 2)));
      round(
          pool,
          i ->
              op.patch(
                      users + "/" + ids.get(i),
                      "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\","
                          + "\"value\":[{\"value\":\"ENTERPRISEPACK\"}]}]}")
                  .expect(200)
                  .id());
      round(pool, i -> replaceDisplayName(op, users + "/" + ids.get(i), displayName(i, 3)));
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String replaceDisplayName(Http op, String path, String value) {
    return op.patch(
            path,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
                + value
                + "\"}]}")
        .expect(200)
        .id();
  }

  /** Runs {@code request} for every user, concurrently, and waits for all of them. */
  private static List<String> round(ExecutorService pool, IntFunction<String> request)
      throws Exception {
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      int user = i;
      results.add(pool.submit(() -> request.apply(user)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> result : results) {
      ids.add(result.get(60, TimeUnit.SECONDS));
    }
    return ids;
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static String upn(int i, String domain) {
    return "crash" + i + "@" + domain;
  }

  private static String displayName(int i, int version) {
    return "User " + i + " v" + version;
  }

  /**
   * Waits until the workers are well into the outbox, preferably at a moment when an account was
   * already created in the tenant but its outbox row not yet committed (the window in which a crash
   * invites a second create). Returns how many such accounts were seen.
   */
  private static int awaitDrainingUnderWay(ItDatabase database, String tenant) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    try (Connection c = database.connect()) {
      while (System.currentTimeMillis() < deadline) {
        long done = count(c, tenant, "done");
        if (done >= 10) {
          int inFlight = createdButPending(c, tenant);
          if (inFlight > 0 || done >= 30) {
            return inFlight;
          }
        }
        Thread.sleep(2);
      }
    }
    throw new AssertionError("the outbox did not start draining in 20 s");
  }

  private static void awaitDrained(ItDatabase database, String tenant, ServerProcess node)
      throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (count(database, tenant, "pending") > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "outbox not drained in 120 s: "
                + count(database, tenant, "pending")
                + " pending\n"
                + node.output());
      }
      Thread.sleep(100);
    }
  }

  /** Holds (or with 0 releases) the tenant's outbox through the workers' per-tenant pause. */
  private static void hold(ItDatabase database, String tenant, long until) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into tenant_sync (tenant_id, paused_until, consecutive_failures)"
                    + " values (?, ?, 0) on duplicate key update paused_until = values(paused_until)")) {
      s.setString(1, tenant);
      s.setLong(2, until);
      s.executeUpdate();
    }
  }

  private static long count(ItDatabase database, String tenant, String status) throws SQLException {
    try (Connection c = database.connect()) {
      return count(c, tenant, status);
    }
  }

  private static long count(Connection c, String tenant, String status) throws SQLException {
    return single(
        c, "select count(*) from outbox where tenant_id = ? and status = ?", tenant, status);
  }

  private static int createdButPending(ItDatabase database, String tenant) throws SQLException {
    try (Connection c = database.connect()) {
      return createdButPending(c, tenant);
    }
  }

  /** Accounts in the sandbox whose user's first (creating) outbox row is still pending. */
  private static int createdButPending(Connection c, String tenant) throws SQLException {
    return (int)
        single(
            c,
            "select count(*) from sandbox_user s join scim_user u"
                + " on u.tenant_id = s.tenant_id and u.user_name_ci = s.upn_ci"
                + " join outbox o on o.user_id = u.id and o.sequence = 1"
                + " where s.tenant_id = ? and o.status = 'pending'",
            tenant);
  }

  private static long sandboxRows(ItDatabase database, String tenant) throws SQLException {
    try (Connection c = database.connect()) {
      return single(c, "select count(*) from sandbox_user where tenant_id = ?", tenant);
    }
  }

  /** Pairs of done rows of one user where the later row was recorded before the earlier one. */
  private static long outOfOrder(ItDatabase database, String tenant) throws SQLException {
    try (Connection c = database.connect()) {
      return single(
          c,
          "select count(*) from outbox a join outbox b on a.user_id = b.user_id"
              + " and a.sequence < b.sequence and a.updated_at > b.updated_at"
              + " where a.tenant_id = ? and a.status = 'done' and b.status = 'done'",
          tenant);
    }
  }

  private static String failures(ItDatabase database) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select user_id, sequence, attempts, last_error from outbox"
                    + " where status = 'failed' order by user_id, sequence");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        text.append(
            "\n  user %s #%d after %d attempts: %s"
                .formatted(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)));
      }
    }
    return text.toString();
  }

  private static long single(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
