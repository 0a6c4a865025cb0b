package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.LicenseGrant;
import io.tenantsync.connector.SubscribedSku;
import io.tenantsync.connector.graph.GraphTenantDirectory;
import io.tenantsync.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Products and license assignment in the sandbox: counts exact, Graph's refusals. */
class SandboxLicensesIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private Sandbox sandbox;
  private GraphTenantDirectory directory;

  @BeforeEach
  void tenant() {
    sandbox = Sandbox.create(server);
    directory = sandbox.directory();
  }

  @Test
  void subscribedSkusCountConsumedUnits() {
    UUID e3 = sandbox.sku("ENTERPRISEPACK", 3, "TEAMS1", "EXCHANGE_S_ENTERPRISE");
    UUID e1 = sandbox.sku("STANDARDPACK", 1);
    DirectoryUser ann = sandbox.createUser("ann");
    DirectoryUser bob = sandbox.createUser("bob");
    directory.assignLicenses(ann.id(), List.of(LicenseGrant.of(e3)), Set.of());
    directory.assignLicenses(bob.id(), List.of(LicenseGrant.of(e3), LicenseGrant.of(e1)), Set.of());

    SubscribedSku pack = sku(e3);
    assertEquals("ENTERPRISEPACK", pack.skuPartNumber());
    assertEquals(3, pack.enabledUnits());
    assertEquals(2, pack.consumedUnits());
    assertEquals(2, pack.servicePlans().size());
    assertEquals("Enabled", pack.capabilityStatus());
    assertEquals(1, sku(e1).consumedUnits());

    directory.assignLicenses(bob.id(), List.of(), Set.of(e3));
    assertEquals(1, sku(e3).consumedUnits());
    assertEquals(Set.of(e1), directory.findUser(bob.id()).orElseThrow().licensedSkuIds());

    JsonNode raw = sandbox.asTenant().get(sandbox.path("/subscribedSkus")).expect(200).json();
    JsonNode first = raw.path("value").path(0);
    assertEquals(
        sandbox.tenant.id() + "_" + first.path("skuId").asText(), first.path("id").asText());
    assertTrue(
        first.path("prepaidUnits").has("suspended") && first.path("prepaidUnits").has("warning"));
  }

  @Test
  void disabledPlansAreKeptAndChangeableWithoutANewUnit() {
    UUID e3 = sandbox.sku("ENTERPRISEPACK", 1, "TEAMS1", "SWAY");
    SubscribedSku pack = sku(e3);
    UUID teams = pack.servicePlans().get(0).servicePlanId();
    DirectoryUser user = sandbox.createUser("cat");
    directory.assignLicenses(user.id(), List.of(new LicenseGrant(e3, List.of(teams))), Set.of());
    directory.assignLicenses(user.id(), List.of(LicenseGrant.of(e3)), Set.of());
    DirectoryUser read = directory.findUser(user.id()).orElseThrow();
    assertEquals(List.of(), read.assignedLicenses().get(0).disabledPlans());
    assertEquals(1, sku(e3).consumedUnits());

    var unknownPlan =
        sandbox
            .operator()
            .send(
                "POST",
                sandbox.path("/users/" + user.id() + "/assignLicense"),
                """
                {"addLicenses":[{"skuId":"%s","disabledPlans":["%s"]}],"removeLicenses":[]}"""
                    .formatted(e3, UUID.randomUUID()),
                Sandbox.JSON);
    unknownPlan.expect(400);
  }

  @Test
  void assigningWithoutUsageLocationIsRefused() {
    UUID e3 = sandbox.sku("ENTERPRISEPACK", 5);
    DirectoryUser user = directory.createUser(sandbox.draft("dan", null));
    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () -> directory.assignLicenses(user.id(), List.of(LicenseGrant.of(e3)), Set.of()));
    assertEquals(DirectoryException.Kind.BAD_REQUEST, e.kind());
    assertTrue(
        e.getMessage()
            .contains("License assignment cannot be done for user with invalid usage location."),
        e.getMessage());
    assertEquals(0, sku(e3).consumedUnits());
  }

  @Test
  void exhaustedProductRefusesTheWholeRequest() {
    UUID full = sandbox.sku("FULLPACK", 1);
    UUID free = sandbox.sku("FREEPACK", 10);
    directory.assignLicenses(
        sandbox.createUser("eli").id(), List.of(LicenseGrant.of(full)), Set.of());
    DirectoryUser user = sandbox.createUser("fin");
    directory.assignLicenses(user.id(), List.of(LicenseGrant.of(free)), Set.of());

    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () ->
                directory.assignLicenses(user.id(), List.of(LicenseGrant.of(full)), Set.of(free)));
    assertTrue(
        e.getMessage().contains("Subscription " + full + " has no more available licenses."),
        e.getMessage());
    assertEquals(Set.of(free), directory.findUser(user.id()).orElseThrow().licensedSkuIds());
    assertEquals(1, sku(free).consumedUnits());
    assertEquals(1, sku(full).consumedUnits());

    sandbox
        .operator()
        .send(
            "PATCH",
            sandbox.path("/subscribedSkus/" + full),
            "{\"prepaidUnits\":{\"enabled\":2}}",
            Sandbox.JSON)
        .expect(200);
    directory.assignLicenses(user.id(), List.of(LicenseGrant.of(full)), Set.of(free));
    assertEquals(Set.of(full), directory.findUser(user.id()).orElseThrow().licensedSkuIds());
    assertEquals(0, sku(free).consumedUnits());
    assertEquals(2, sku(full).consumedUnits());
  }

  @Test
  void unknownProductAndNotHeldLicenseAreRefused() {
    UUID e3 = sandbox.sku("ENTERPRISEPACK", 5);
    DirectoryUser user = sandbox.createUser("gus");
    UUID unknown = UUID.randomUUID();
    DirectoryException add =
        assertThrows(
            DirectoryException.class,
            () -> directory.assignLicenses(user.id(), List.of(LicenseGrant.of(unknown)), Set.of()));
    assertTrue(add.getMessage().contains("does not correspond to a valid company License"));

    var remove =
        sandbox
            .operator()
            .send(
                "POST",
                sandbox.path("/users/" + user.id() + "/assignLicense"),
                "{\"addLicenses\":[],\"removeLicenses\":[\"" + e3 + "\"]}",
                Sandbox.JSON)
            .expect(400);
    assertEquals("Request_BadRequest", remove.json().path("error").path("code").asText());
    var missing =
        sandbox
            .operator()
            .send(
                "POST",
                sandbox.path("/users/" + user.id() + "/assignLicense"),
                "{\"addLicenses\":[]}",
                Sandbox.JSON)
            .expect(400);
    assertTrue(missing.json().path("error").path("message").asText().contains("removeLicenses"));
  }

  @Test
  void assignLicenseAnswersWithTheUser() {
    UUID e3 = sandbox.sku("ENTERPRISEPACK", 5);
    String id = sandbox.postUser("hue");
    JsonNode user =
        sandbox
            .asTenant()
            .send(
                "POST",
                sandbox.path("/users/" + id + "/assignLicense"),
                "{\"addLicenses\":[{\"skuId\":\""
                    + e3
                    + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}",
                Sandbox.JSON)
            .expect(200)
            .json();
    assertEquals(id, user.path("id").asText());
  }

  @Test
  void concurrentAssignmentsNeverOversubscribe() throws Exception {
    UUID scarce = sandbox.sku("SCARCE", 5);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      users.add(sandbox.postUser("race" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (String user : users) {
        Callable<Boolean> assign =
            () -> {
              try {
                directory.assignLicenses(user, List.of(LicenseGrant.of(scarce)), Set.of());
                return true;
              } catch (DirectoryException e) {
                assertEquals(DirectoryException.Kind.BAD_REQUEST, e.kind(), e.getMessage());
                return false;
              }
            };
        results.add(pool.submit(assign));
      }
      int granted = 0;
      for (Future<Boolean> result : results) {
        granted += result.get() ? 1 : 0;
      }
      assertEquals(5, granted);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(5, sku(scarce).consumedUnits());
    List<DirectoryUser> all = new ArrayList<>();
    directory.listUsers(all::add);
    assertEquals(5, all.stream().filter(u -> u.licensedSkuIds().contains(scarce)).count());
  }

  @Test
  void softDeleteReleasesUnitsAndRestoreTakesThemBackWhereFree() {
    UUID one = sandbox.sku("ONE", 1);
    UUID many = sandbox.sku("MANY", 10);
    DirectoryUser user = sandbox.createUser("ike");
    directory.assignLicenses(
        user.id(), List.of(LicenseGrant.of(one), LicenseGrant.of(many)), Set.of());
    directory.deleteUser(user.id());
    assertEquals(0, sku(one).consumedUnits());
    assertEquals(0, sku(many).consumedUnits());

    directory.assignLicenses(
        sandbox.createUser("jay").id(), List.of(LicenseGrant.of(one)), Set.of());
    DirectoryUser restored = directory.restoreUser(user.id());
    assertEquals(Set.of(many), restored.licensedSkuIds());
    assertEquals(1, sku(one).consumedUnits());
    assertEquals(1, sku(many).consumedUnits());
  }

  @Test
  void skuAdministrationIsTheOperators() {
    sandbox
        .asTenant()
        .send(
            "POST",
            sandbox.path("/subscribedSkus"),
            "{\"skuPartNumber\":\"X\",\"prepaidUnits\":{\"enabled\":1}}",
            Sandbox.JSON)
        .expect(403);
    UUID e3 = sandbox.sku("ENTERPRISEPACK", 1);
    sandbox
        .asTenant()
        .send(
            "PATCH",
            sandbox.path("/subscribedSkus/" + e3),
            "{\"prepaidUnits\":{\"enabled\":9}}",
            Sandbox.JSON)
        .expect(403);
    var duplicate =
        sandbox
            .operator()
            .send(
                "POST",
                sandbox.path("/subscribedSkus"),
                "{\"skuPartNumber\":\"enterprisepack\",\"prepaidUnits\":{\"enabled\":1}}",
                Sandbox.JSON)
            .expect(400);
    assertEquals(
        "ObjectConflict",
        duplicate.json().path("error").path("details").path(0).path("code").asText());
    assertEquals(1, sku(e3).enabledUnits());
  }

  private SubscribedSku sku(UUID skuId) {
    return directory.subscribedSkus().stream()
        .filter(s -> s.skuId().equals(skuId))
        .findFirst()
        .orElseThrow();
  }
}
