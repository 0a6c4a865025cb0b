package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.connector.DeltaExpiredException;
import io.tenantsync.connector.DeltaResult;
import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.graph.GraphTenantDirectory;
import io.tenantsync.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code users/delta} in the sandbox, through the connector's delta rounds. */
class SandboxDeltaIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private Sandbox sandbox;
  private GraphTenantDirectory directory;

  @BeforeEach
  void tenant() {
    sandbox = Sandbox.create(server);
    directory = sandbox.directory();
  }

  @Test
  void initialRoundListsEveryLiveAccountAcrossPages() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 105; i++) {
      ids.add(sandbox.postUser("d" + i));
    }
    String deleted = sandbox.postUser("gone");
    sandbox.operator().delete(sandbox.path("/users/" + deleted)).expect(204);

    List<DirectoryChange> changes = new ArrayList<>();
    DeltaResult result = directory.delta(null, changes::add);
    assertEquals(105, changes.size());
    assertEquals(105, result.changes());
    assertTrue(changes.stream().allMatch(c -> c instanceof DirectoryChange.Upserted));
    assertEquals(ids, new HashSet<>(changes.stream().map(DirectoryChange::id).toList()));
    assertTrue(result.deltaLink().startsWith(sandbox.base() + "/users/delta?$deltatoken="));

    List<DirectoryChange> none = new ArrayList<>();
    DeltaResult quiet = directory.delta(result.deltaLink(), none::add);
    assertTrue(none.isEmpty(), none.toString());
    assertTrue(quiet.deltaLink().contains("$deltatoken="));
  }

  @Test
  void incrementalRoundReportsChangesAndRemovals() {
    DirectoryUser kept = sandbox.createUser("kept");
    DirectoryUser renamed = sandbox.createUser("renamed");
    DirectoryUser softDeleted = sandbox.createUser("soft");
    DirectoryUser hardDeleted = sandbox.createUser("hard");
    DeltaResult first = directory.delta(null, change -> {});

    directory.updateUser(
        renamed.id(),
        DirectoryUserChanges.builder().userPrincipalName(sandbox.upn("renamed2")).build());
    directory.deleteUser(softDeleted.id());
    directory.deleteUser(hardDeleted.id());
    sandbox
        .operator()
        .delete(sandbox.path("/directory/deletedItems/" + hardDeleted.id()))
        .expect(204);
    DirectoryUser added = sandbox.createUser("added");

    List<DirectoryChange> changes = new ArrayList<>();
    DeltaResult second = directory.delta(first.deltaLink(), changes::add);
    assertEquals(4, changes.size(), changes.toString());
    DirectoryChange.Upserted upserted = (DirectoryChange.Upserted) find(changes, renamed.id());
    assertEquals(sandbox.upn("renamed2"), upserted.user().userPrincipalName());
    assertTrue(((DirectoryChange.Removed) find(changes, softDeleted.id())).restorable());
    assertEquals(
        DirectoryChange.Removed.HARD_DELETED,
        ((DirectoryChange.Removed) find(changes, hardDeleted.id())).reason());
    assertTrue(find(changes, added.id()) instanceof DirectoryChange.Upserted);
    assertTrue(changes.stream().noneMatch(c -> c.id().equals(kept.id())));

    directory.restoreUser(softDeleted.id());
    List<DirectoryChange> third = new ArrayList<>();
    directory.delta(second.deltaLink(), third::add);
    assertEquals(List.of(softDeleted.id()), third.stream().map(DirectoryChange::id).toList());
    assertTrue(third.get(0) instanceof DirectoryChange.Upserted);
  }

  @Test
  void rawRemovedEntriesAndPagingFollowGraph() {
    String a = sandbox.postUser("ra");
    sandbox.postUser("rb");
    sandbox.postUser("rc");
    JsonNode page1 =
        sandbox
            .operator()
            .get(
                sandbox.path("/users/delta?$select=userPrincipalName"),
                Map.of("Prefer", "odata.maxpagesize=2"))
            .expect(200)
            .json();
    assertEquals(2, page1.path("value").size());
    assertTrue(page1.path("value").path(0).has("id"), "delta entries always carry id");
    String next = page1.path("@odata.nextLink").asText();
    JsonNode page2 = sandbox.operator().get(relative(next)).expect(200).json();
    assertEquals(1, page2.path("value").size());
    String deltaLink = page2.path("@odata.deltaLink").asText();

    sandbox.operator().delete(sandbox.path("/users/" + a)).expect(204);
    JsonNode changes = sandbox.operator().get(relative(deltaLink)).expect(200).json();
    assertEquals(1, changes.path("value").size());
    JsonNode removed = changes.path("value").path(0);
    assertEquals(a, removed.path("id").asText());
    assertEquals("changed", removed.path("@removed").path("reason").asText());
  }

  @Test
  void latestTokenStartsFromNow() {
    sandbox.postUser("old");
    JsonNode latest =
        sandbox.operator().get(sandbox.path("/users/delta?$deltatoken=latest")).expect(200).json();
    assertEquals(0, latest.path("value").size());
    String fresh = sandbox.postUser("fresh");
    List<DirectoryChange> changes = new ArrayList<>();
    directory.delta(latest.path("@odata.deltaLink").asText(), changes::add);
    assertEquals(List.of(fresh), changes.stream().map(DirectoryChange::id).toList());
  }

  @Test
  void garbageOrForeignTokenIs410() {
    var reply =
        sandbox.operator().get(sandbox.path("/users/delta?$deltatoken=garbage")).expect(410);
    assertEquals("resyncRequired", reply.json().path("error").path("code").asText());

    Sandbox other = Sandbox.create(server);
    DeltaResult foreign = other.directory().delta(null, change -> {});
    String stolen = foreign.deltaLink().replace(other.tenant.id(), sandbox.tenant.id());
    assertThrows(DeltaExpiredException.class, () -> directory.delta(stolen, change -> {}));
  }

  @Test
  void tokenOlderThanAPrunedTombstoneIs410AndExpiredDeletionsReportAsDeleted() throws Exception {
    DirectoryUser user = sandbox.createUser("old");
    DeltaResult first = directory.delta(null, change -> {});

    directory.deleteUser(user.id());
    SandboxDb.ageDeletion(server, user.id(), Duration.ofDays(31));
    List<DirectoryChange> changes = new ArrayList<>();
    DeltaResult second = directory.delta(first.deltaLink(), changes::add);
    assertEquals(1, changes.size());
    assertEquals(
        DirectoryChange.Removed.HARD_DELETED, ((DirectoryChange.Removed) changes.get(0)).reason());

    SandboxDb.agePurge(server, user.id(), Duration.ofDays(8));
    sandbox.postUser("trigger"); // a write runs the housekeeping that prunes the tombstone
    assertThrows(DeltaExpiredException.class, () -> directory.delta(first.deltaLink(), c -> {}));
    List<DirectoryChange> after = new ArrayList<>();
    directory.delta(second.deltaLink(), after::add);
    assertEquals(1, after.size());
  }

  private static DirectoryChange find(List<DirectoryChange> changes, String id) {
    return changes.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private String relative(String link) {
    assertTrue(link.startsWith(sandbox.base()), link);
    return link.substring(server.baseUri().toString().length());
  }
}
