package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R16 / API.md rule 10: a name a user holds as userName or initialUserName — retained and deleted
 * users included — is nobody else's, case-insensitively, also when requests race (the database's
 * unique keys decide, V9).
 */
class NameReservationsIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  Http op;
  Tenant tenant;
  String custom;

  @BeforeEach
  void tenantWithVerifiedDomain() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    custom = tenant.domain().replace(".onmicrosoft.com", ".example.com");
    op.put(
            "Tenants/" + tenant.id(),
            "{\"displayName\":\"t\",\"initialDomain\":\""
                + tenant.domain()
                + "\",\"domains\":[{\"value\":\""
                + custom
                + "\",\"verified\":true}]}")
        .expect(200);
  }

  Http.Reply create(String userName) {
    return op.post(tenant.users(), "{\"userName\":\"" + userName + "\"}");
  }

  Http.Reply rename(String user, String userName) {
    return op.patch(
        tenant.users() + "/" + user,
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\""
            + userName
            + "\"}]}");
  }

  /** Pairs (userName of one user = initialUserName of another) in the tenant: must be none. */
  long crossedNames() throws Exception {
    try (Connection c = server.database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from scim_user a join scim_user b"
                    + " on a.tenant_id = b.tenant_id and a.id <> b.id"
                    + " and a.user_name_ci = b.initial_user_name_ci where a.tenant_id = ?")) {
      s.setString(1, tenant.id());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void renamingOntoAnotherUsersInitialUserNameIsRefused() throws Exception {
    create("ann@" + custom).expect(201); // reserves ann@<initial>
    String bob = create("bob@" + tenant.domain()).expect(201).id();
    var refused = rename(bob, "Ann@" + tenant.domain()).expectError(409, "uniqueness");
    assertTrue(
        refused.json().path("detail").asText().contains("initialUserName"), refused.toString());
    assertEquals(
        "bob@" + tenant.domain(),
        op.get(tenant.users() + "/" + bob).json().path("userName").asText());
    assertEquals(0, crossedNames());
  }

  @Test
  void retainedAndDeletedUsersKeepTheirNames() {
    String carl = create("carl@" + custom).expect(201).id();
    op.delete(tenant.users() + "/" + carl).expect(204); // retained: its account stays
    create("CARL@" + tenant.domain()).expectError(409, "uniqueness");

    String dave = create("dave@" + custom).expect(201).id();
    op.post("tenants/" + tenant.id() + "/DeletedUsers", "{\"user\":\"" + dave + "\"}").expect(201);
    // Deleted for real: its name was reverted to dave@<initial>, which stays reserved for the
    // 30 days it can be restored; the custom-domain name is free again.
    create("Dave@" + tenant.domain()).expectError(409, "uniqueness");
    JsonNode again = create("dave@" + custom).expect(201).json();
    assertEquals("dave1@" + tenant.domain(), again.path(EXT).path("initialUserName").asText());
  }

  @Test
  void concurrentCreatesOfOneNameInAnyCaseMakeOneUser() throws Exception {
    List<Callable<Http.Reply>> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String local = i % 2 == 0 ? "erin" : "ERIN";
      String domain = i % 3 == 0 ? tenant.domain().toUpperCase(Locale.ROOT) : tenant.domain();
      requests.add(() -> create(local + "@" + domain));
    }
    List<Http.Reply> replies = runAtOnce(requests);
    long created = replies.stream().filter(r -> r.status() == 201).count();
    assertEquals(1, created, replies.toString());
    for (Http.Reply reply : replies) {
      if (reply.status() != 201) {
        reply.expectError(409, "uniqueness");
      }
    }
    assertEquals(
        1,
        op.get(tenant.users() + "?filter=userName%20eq%20%22erin@" + tenant.domain() + "%22")
            .json()
            .path("totalResults")
            .asInt());
  }

  /**
   * For one name n@initial, at once: a create of n@custom (which reserves n@initial, or n1@initial
   * if that is taken), a rename of another user to n@initial, and a create of N@initial. The custom
   * create always succeeds; of the two others at most one; no name ever ends up held twice.
   */
  @Test
  void racingCreatesAndRenamesNeverShareAName() throws Exception {
    for (int round = 0; round < 8; round++) {
      String local = "n" + round;
      String other = create("other" + round + "@" + tenant.domain()).expect(201).id();
      List<Http.Reply> replies =
          runAtOnce(
              List.of(
                  () -> create(local + "@" + custom),
                  () -> rename(other, local + "@" + tenant.domain()),
                  () -> create(local.toUpperCase(Locale.ROOT) + "@" + tenant.domain())));
      assertEquals(201, replies.get(0).status(), replies.get(0).toString());
      int winners = 0;
      for (Http.Reply reply : replies.subList(1, 3)) {
        if (reply.status() == 409) {
          reply.expectError(409, "uniqueness");
        } else {
          assertTrue(reply.status() == 200 || reply.status() == 201, reply.toString());
          winners++;
        }
      }
      assertTrue(winners <= 1, replies.toString());
      assertEquals(0, crossedNames(), "round " + round);
    }
  }

  private static List<Http.Reply> runAtOnce(List<Callable<Http.Reply>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<Http.Reply>> futures = pool.invokeAll(requests);
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> future : futures) {
        replies.add(future.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }
}
