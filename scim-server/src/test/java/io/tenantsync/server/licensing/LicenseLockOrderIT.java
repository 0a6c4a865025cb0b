package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lock conflicts between license assignments (API.md rule 1): product rows are locked in one order,
 * and a transaction the database picks as a deadlock victim is run again instead of answering 500.
 */
class LicenseLockOrderIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  Http op;
  Tenant tenant;
  String productA;
  String productB;

  @BeforeEach
  void products() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    productA = product("SKU_A", 20);
    productB = product("SKU_B", 20);
  }

  String product(String sku, int units) {
    return op.post(
            "tenants/" + tenant.id() + "/Products",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Product"],"skuPartNumber":"%s",
             "prepaidUnits":{"enabled":%d}}"""
                .formatted(sku, units))
        .expect(201)
        .id();
  }

  int consumed(String product) {
    return op.get("tenants/" + tenant.id() + "/Products/" + product)
        .expect(200)
        .json()
        .path("consumedUnits")
        .asInt();
  }

  String user(String local, String sku) {
    return op.post(
            tenant.users(),
            """
            {"userName":"%s@%s","entitlements":[{"value":"%s"}],"%s":{"usageLocation":"DE"}}"""
                .formatted(local, tenant.domain(), sku, EXT))
        .expect(201)
        .id();
  }

  String replaceEntitlements(String user, String... skus) {
    List<String> values = new ArrayList<>();
    for (String sku : skus) {
      values.add("{\"value\":\"" + sku + "\"}");
    }
    var reply =
        op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"entitlements\",\"value\":"
                + values
                + "}]}");
    return reply.status() + " " + reply.body();
  }

  /**
   * Half the users move A→B while the other half move B→A, all at once, three rounds: every request
   * takes one product row and releases the other, in opposite orders of the request, the case that
   * deadlocks when rows are locked in request order.
   */
  @Test
  void oppositeMovesRunningAtOnceAllSucceedAndCountsStayExact() throws Exception {
    List<String> onA = new ArrayList<>();
    List<String> onB = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      onA.add(user("a" + i, "SKU_A"));
      onB.add(user("b" + i, "SKU_B"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<String>> replies = new ArrayList<>();
        boolean even = round % 2 == 0;
        for (String user : onA) {
          replies.add(pool.submit(() -> replaceEntitlements(user, even ? "SKU_B" : "SKU_A")));
        }
        for (String user : onB) {
          replies.add(pool.submit(() -> replaceEntitlements(user, even ? "SKU_A" : "SKU_B")));
        }
        for (Future<String> reply : replies) {
          assertTrue(reply.get().startsWith("200 "), reply.get());
        }
        assertEquals(8, consumed(productA), "round " + round);
        assertEquals(8, consumed(productB), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
    String first = onA.get(0);
    assertEquals(
        "SKU_B",
        op.get(tenant.users() + "/" + first)
            .json()
            .path("entitlements")
            .get(0)
            .path("value")
            .asText());
  }

  /**
   * Users given both products at once, half naming them A,B and half B,A: all 200, counts exact.
   */
  @Test
  void twoProductsAssignedInOppositeOrderAtOnceAllSucceed() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      users.add(
          op.post(
                  tenant.users(),
                  """
                  {"userName":"u%d@%s","%s":{"usageLocation":"DE"}}"""
                      .formatted(i, tenant.domain(), EXT))
              .expect(201)
              .id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        String user = users.get(i);
        boolean ab = i % 2 == 0;
        replies.add(
            pool.submit(
                () ->
                    ab
                        ? replaceEntitlements(user, "SKU_A", "SKU_B")
                        : replaceEntitlements(user, "SKU_B", "SKU_A")));
      }
      for (Future<String> reply : replies) {
        assertTrue(reply.get().startsWith("200 "), reply.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(16, consumed(productA));
    assertEquals(16, consumed(productB));
  }

  /**
   * A request the database rolls back to break a deadlock is run again: the test holds the product
   * with the higher id in a transaction that has written much, waits until the request (which takes
   * the lower id first) waits for it, then asks for the lower one. MariaDB breaks the cycle by
   * rolling back the lighter transaction, the request's; the request is retried once B is free and
   * answers 200.
   */
  @Test
  void requestChosenAsDeadlockVictimIsRetriedAndSucceeds() throws Exception {
    assumeTrue(server.database.isMariaDb(), "needs InnoDB deadlock detection");
    String first = productA.compareTo(productB) < 0 ? productA : productB;
    String second = first.equals(productA) ? productB : productA;
    String user =
        op.post(
                tenant.users(),
                """
                {"userName":"victim@%s","%s":{"usageLocation":"DE"}}"""
                    .formatted(tenant.domain(), EXT))
            .expect(201)
            .id();
    awaitSynced(user); // the outbox's own update of the user must not join the lock cycle
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection blocker = server.database.connect()) {
      blocker.setAutoCommit(false);
      try (PreparedStatement filler =
          blocker.prepareStatement(
              "insert into reseller (id, display_name, display_name_ci, created_at,"
                  + " last_modified, version) values (?, ?, ?, 0, 0, 0)")) {
        for (int i = 0; i < 200; i++) {
          String name = "deadlock-filler-" + i + "-" + tenant.id();
          filler.setString(1, java.util.UUID.randomUUID().toString());
          filler.setString(2, name);
          filler.setString(3, name);
          filler.addBatch();
        }
        filler.executeBatch();
      }
      try (Statement s = blocker.createStatement()) {
        s.execute("select id from product where id = '" + second + "' for update");
      }
      Future<String> reply = pool.submit(() -> replaceEntitlements(user, "SKU_A", "SKU_B"));
      awaitLockWait(reply);
      try (Statement s = blocker.createStatement()) {
        // Completes only once the request's transaction was rolled back as the deadlock victim.
        assertEquals(
            1,
            s.executeUpdate(
                "update product set last_modified = last_modified + 1 where id = '" + first + "'"));
      }
      blocker.rollback();
      String answer = reply.get();
      assertTrue(answer.startsWith("200 "), answer);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, consumed(productA));
    assertEquals(1, consumed(productB));
  }

  /** Waits until the connector has applied the user's creation (its row is no longer touched). */
  private void awaitSynced(String user) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      String state =
          op.get(tenant.users() + "/" + user).json().path(EXT).path("syncState").asText();
      if (!state.equals("pending")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the user's creation never reached the sandbox");
  }

  /** Waits until the request's product update waits for the row the test holds. */
  private void awaitLockWait(Future<String> reply) throws Exception {
    try (Connection c = server.database.connect();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 3_000; i++) {
        if (reply.isDone()) {
          throw new AssertionError("the request ended without waiting: " + reply.get());
        }
        try (ResultSet rs =
            s.executeQuery(
                // The request's blocked statement, as the server lists it (information_schema's
                // innodb_trx does not always show a waiting transaction on MariaDB 10.11).
                "select count(*) from information_schema.processlist"
                    + " where db = database() and id <> connection_id()"
                    + " and info like 'update product%' and state = 'Updating'")) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the request never waited for the product the test holds");
  }
}
