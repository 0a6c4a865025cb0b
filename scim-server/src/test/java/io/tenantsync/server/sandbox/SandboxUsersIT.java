package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserChanges.Clearable;
import io.tenantsync.connector.graph.GraphTenantDirectory;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts in the sandbox, driven through the connector's real Graph client. */
class SandboxUsersIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  private Sandbox sandbox;
  private GraphTenantDirectory directory;

  @BeforeEach
  void tenant() {
    sandbox = Sandbox.create(server);
    directory = sandbox.directory();
  }

  @Test
  void createThenReadByIdAndByPrincipalName() {
    DirectoryUser created = directory.createUser(sandbox.draft("ada"));

    DirectoryUser byId = directory.findUser(created.id()).orElseThrow();
    assertEquals(sandbox.upn("ada"), byId.userPrincipalName());
    assertEquals("User ada", byId.displayName());
    assertEquals("ada", byId.mailNickname());
    assertEquals("NL", byId.usageLocation());
    assertTrue(byId.accountEnabled());
    assertFalse(byId.onPremisesSyncEnabled());
    assertTrue(byId.assignedLicenses().isEmpty());

    DirectoryUser byUpn =
        directory.findUserByPrincipalName(sandbox.upn("ADA").toUpperCase()).orElseThrow();
    assertEquals(created.id(), byUpn.id());
    assertTrue(directory.findUser("00000000-0000-0000-0000-000000000000").isEmpty());
  }

  @Test
  void updateRenamesClearsAndBlocks() {
    DirectoryUser user = directory.createUser(sandbox.draft("bo"));
    DirectoryUser updated =
        directory.updateUser(
            user.id(),
            DirectoryUserChanges.builder()
                .userPrincipalName(sandbox.upn("bo.renamed"))
                .accountEnabled(false)
                .jobTitle("Engineer")
                .otherMails(List.of("bo@home.example"))
                .clear(Clearable.GIVEN_NAME)
                .password("N3w-Passw0rd!", true)
                .build());
    assertEquals(sandbox.upn("bo.renamed"), updated.userPrincipalName());
    assertFalse(updated.accountEnabled());
    assertEquals("Engineer", updated.jobTitle());
    assertEquals(List.of("bo@home.example"), updated.otherMails());
    assertNull(updated.givenName());
    assertEquals(
        user.id(), directory.findUserByPrincipalName(sandbox.upn("bo.renamed")).get().id());
    assertTrue(directory.findUserByPrincipalName(sandbox.upn("bo")).isEmpty());
  }

  @Test
  void duplicatePrincipalNameIsGraphsObjectConflict() {
    directory.createUser(sandbox.draft("cy"));
    var reply =
        sandbox
            .operator()
            .send("POST", sandbox.path("/users"), sandbox.userJson("CY", false), Sandbox.JSON)
            .expect(400);
    JsonNode error = reply.json().path("error");
    assertEquals("Request_BadRequest", error.path("code").asText());
    assertEquals(
        "Another object with the same value for property userPrincipalName already exists.",
        error.path("message").asText());
    assertEquals("ObjectConflict", error.path("details").path(0).path("code").asText());

    DirectoryUser other = directory.createUser(sandbox.draft("cy2"));
    DirectoryException rename =
        assertThrows(
            DirectoryException.class,
            () ->
                directory.updateUser(
                    other.id(),
                    DirectoryUserChanges.builder().userPrincipalName(sandbox.upn("Cy")).build()));
    assertEquals(DirectoryException.Kind.CONFLICT, rename.kind());
  }

  @Test
  void principalNameDomainMustBeInitialOrVerified() {
    var reply =
        sandbox
            .operator()
            .send(
                "POST",
                sandbox.path("/users"),
                sandbox.userJson("dee", false).replace(sandbox.tenant.domain(), "contoso.com"),
                Sandbox.JSON)
            .expect(400);
    assertEquals(
        "The domain portion of the userPrincipalName property is invalid. You must use one of the"
            + " verified domain names in your organization.",
        reply.json().path("error").path("message").asText());

    DirectoryUser user = directory.createUser(sandbox.draft("dee"));
    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () ->
                directory.updateUser(
                    user.id(),
                    DirectoryUserChanges.builder()
                        .userPrincipalName("dee@unverified.example")
                        .build()));
    assertEquals(DirectoryException.Kind.BAD_REQUEST, e.kind());
    assertEquals("Request_BadRequest", e.code().orElseThrow());
  }

  @Test
  void createRequiresGraphsPropertiesAndAComplexPassword() {
    String upn = sandbox.upn("eve");
    String[] bodies = {
      "{\"displayName\":\"E\",\"mailNickname\":\"eve\",\"userPrincipalName\":\""
          + upn
          + "\",\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"}}",
      "{\"accountEnabled\":true,\"mailNickname\":\"eve\",\"userPrincipalName\":\""
          + upn
          + "\",\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"}}",
      "{\"accountEnabled\":true,\"displayName\":\"E\",\"userPrincipalName\":\""
          + upn
          + "\",\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"}}",
      "{\"accountEnabled\":true,\"displayName\":\"E\",\"mailNickname\":\"eve\","
          + "\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"}}",
      "{\"accountEnabled\":true,\"displayName\":\"E\",\"mailNickname\":\"eve\","
          + "\"userPrincipalName\":\""
          + upn
          + "\"}",
      "{\"accountEnabled\":true,\"displayName\":\"E\",\"mailNickname\":\"eve\","
          + "\"userPrincipalName\":\""
          + upn
          + "\",\"passwordProfile\":{\"password\":\"short\"}}",
      "{\"accountEnabled\":true,\"displayName\":\"E\",\"mailNickname\":\"eve\","
          + "\"userPrincipalName\":\""
          + upn
          + "\",\"passwordProfile\":{\"password\":\"Secret-Passw0rd!\"},"
          + "\"mobilePhone\":\"1\"}"
    };
    for (String body : bodies) {
      var reply = sandbox.operator().send("POST", sandbox.path("/users"), body, Sandbox.JSON);
      reply.expect(400);
      assertEquals("Request_BadRequest", reply.json().path("error").path("code").asText(), body);
    }
    assertTrue(directory.findUserByPrincipalName(upn).isEmpty());
  }

  @Test
  void synchronisedAccountsRefuseChangesToMasteredProperties() {
    String id =
        sandbox
            .operator()
            .send("POST", sandbox.path("/users"), sandbox.userJson("fay", true), Sandbox.JSON)
            .expect(201)
            .id();
    DirectoryUser synced = directory.findUser(id).orElseThrow();
    assertTrue(synced.onPremisesSyncEnabled());

    DirectoryException e =
        assertThrows(
            DirectoryException.class,
            () ->
                directory.updateUser(id, DirectoryUserChanges.builder().displayName("X").build()));
    assertEquals(400, e.httpStatus());
    assertTrue(e.getMessage().contains("on-premises mastered"), e.getMessage());
    for (String property :
        List.of(
            "givenName",
            "surname",
            "userPrincipalName",
            "mail",
            "mailNickname",
            "jobTitle",
            "department")) {
      sandbox
          .operator()
          .send("PATCH", sandbox.path("/users/" + id), "{\"" + property + "\":null}", Sandbox.JSON)
          .expect(400);
    }
    assertEquals("User fay", directory.findUser(id).orElseThrow().displayName());

    DirectoryUser blocked =
        directory.updateUser(
            id, DirectoryUserChanges.builder().accountEnabled(false).usageLocation("FR").build());
    assertFalse(blocked.accountEnabled());
    assertEquals("FR", blocked.usageLocation());
  }

  @Test
  void onlyTheOperatorSimulatesDirectorySync() {
    var reply =
        sandbox
            .asTenant()
            .send("POST", sandbox.path("/users"), sandbox.userJson("gil", true), Sandbox.JSON)
            .expect(403);
    assertEquals("Authorization_RequestDenied", reply.json().path("error").path("code").asText());
    sandbox
        .asTenant()
        .send(
            "PATCH",
            sandbox.path("/users/" + sandbox.postUser("gil")),
            "{\"onPremisesSyncEnabled\":true}",
            Sandbox.JSON)
        .expect(400);
  }

  @Test
  void listingPagesWithNextLinksUntilEveryUserIsSeen() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      ids.add(sandbox.postUser("page" + i));
    }
    List<DirectoryUser> listed = new ArrayList<>();
    sandbox.directory(TestServer.OPERATOR_TOKEN, 3).listUsers(listed::add);
    assertEquals(7, listed.size());
    assertEquals(ids, new HashSet<>(listed.stream().map(DirectoryUser::id).toList()));

    JsonNode first =
        sandbox
            .operator()
            .get(sandbox.path("/users?$top=3&$select=id,displayName"))
            .expect(200)
            .json();
    assertEquals(3, first.path("value").size());
    assertEquals(Set.of("id", "displayName"), fieldNames(first.path("value").path(0)));
    assertTrue(first.path("@odata.context").asText().endsWith("$metadata#users(id,displayName)"));
    String next = first.path("@odata.nextLink").asText();
    assertTrue(next.startsWith(sandbox.base() + "/users?"), next);
    assertTrue(next.contains("$select=id%2CdisplayName") && next.contains("$skiptoken="), next);
  }

  @Test
  void filterByPrincipalNameEqualsAndStartsWith() {
    sandbox.postUser("hal");
    sandbox.postUser("hank");
    sandbox.postUser("ivy");
    JsonNode eq =
        sandbox
            .operator()
            .get(
                sandbox.path(
                    "/users?$filter=userPrincipalName%20eq%20'" + sandbox.upn("HAL") + "'"))
            .expect(200)
            .json();
    assertEquals(1, eq.path("value").size());
    assertEquals(sandbox.upn("hal"), eq.path("value").path(0).path("userPrincipalName").asText());

    JsonNode prefix =
        sandbox
            .operator()
            .get(sandbox.path("/users?$filter=startswith(userPrincipalName,'ha')"))
            .expect(200)
            .json();
    assertEquals(2, prefix.path("value").size());

    var unsupported =
        sandbox
            .operator()
            .get(sandbox.path("/users?$filter=createdDateTime%20gt%202020"))
            .expect(400);
    assertEquals(
        "Request_UnsupportedQuery", unsupported.json().path("error").path("code").asText());
  }

  @Test
  void defaultPropertiesAndSelectAreGraphs() {
    String id = sandbox.postUser("jo");
    JsonNode plain = sandbox.operator().get(sandbox.path("/users/" + id)).expect(200).json();
    assertFalse(plain.has("accountEnabled"), plain.toString());
    assertEquals(sandbox.upn("jo"), plain.path("userPrincipalName").asText());
    assertTrue(plain.path("@odata.context").asText().endsWith("$metadata#users/$entity"));

    JsonNode selected =
        sandbox
            .operator()
            .get(
                sandbox.path(
                    "/users/" + id + "?$select=accountEnabled,assignedLicenses,createdDateTime"))
            .expect(200)
            .json();
    assertTrue(selected.path("accountEnabled").asBoolean());
    assertTrue(selected.path("assignedLicenses").isArray());
    assertTrue(
        selected
            .path("createdDateTime")
            .asText()
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    assertFalse(selected.has("userPrincipalName"));

    sandbox.operator().get(sandbox.path("/users/" + id + "?$select=nope")).expect(400);
  }

  @Test
  void deleteIsSoftAndRestoreBringsTheSameAccountBack() {
    DirectoryUser user = directory.createUser(sandbox.draft("kim"));
    directory.deleteUser(user.id());
    assertTrue(directory.findUser(user.id()).isEmpty());

    List<DirectoryUser> deleted = new ArrayList<>();
    directory.listDeletedUsers(deleted::add);
    assertEquals(List.of(user.id()), deleted.stream().map(DirectoryUser::id).toList());
    JsonNode item =
        sandbox
            .operator()
            .get(
                sandbox.path(
                    "/directory/deletedItems/" + user.id() + "?$select=id,deletedDateTime"))
            .expect(200)
            .json();
    assertFalse(item.path("deletedDateTime").isNull());

    DirectoryUser restored = directory.restoreUser(user.id());
    assertEquals(user.id(), restored.id());
    assertEquals(sandbox.upn("kim"), restored.userPrincipalName());
    deleted.clear();
    directory.listDeletedUsers(deleted::add);
    assertTrue(deleted.isEmpty());
  }

  @Test
  void restoreConflictsWhenTheNameWasTakenMeanwhile() {
    DirectoryUser first = directory.createUser(sandbox.draft("lee"));
    directory.deleteUser(first.id());
    directory.createUser(sandbox.draft("lee"));

    DirectoryException e =
        assertThrows(DirectoryException.class, () -> directory.restoreUser(first.id()));
    assertEquals(DirectoryException.Kind.CONFLICT, e.kind());
    assertTrue(
        sandbox.operator().get(sandbox.path("/directory/deletedItems/" + first.id())).status()
            == 200);
  }

  @Test
  void hardDeleteAndExpiredDeletedItemsCannotBeRestored() throws Exception {
    DirectoryUser gone = directory.createUser(sandbox.draft("max"));
    directory.deleteUser(gone.id());
    sandbox.operator().delete(sandbox.path("/directory/deletedItems/" + gone.id())).expect(204);
    sandbox
        .operator()
        .post(sandbox.path("/directory/deletedItems/" + gone.id() + "/restore"), "")
        .expect(404);

    DirectoryUser old = directory.createUser(sandbox.draft("ned"));
    directory.deleteUser(old.id());
    SandboxDb.ageDeletion(server, old.id(), java.time.Duration.ofDays(31));
    assertEquals(
        404,
        sandbox
            .operator()
            .post(sandbox.path("/directory/deletedItems/" + old.id() + "/restore"), "")
            .status());
    List<DirectoryUser> deleted = new ArrayList<>();
    directory.listDeletedUsers(deleted::add);
    assertTrue(deleted.isEmpty());
  }

  @Test
  void concurrentFirstWritesAndRacingDuplicatesYieldOneAccountPerName() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<DirectoryUser>> distinct = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String local = "first" + i;
        distinct.add(pool.submit(() -> directory.createUser(sandbox.draft(local))));
      }
      for (Future<DirectoryUser> created : distinct) {
        created.get();
      }
      List<Future<Boolean>> same = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        same.add(
            pool.submit(
                () -> {
                  Http.Reply reply =
                      sandbox
                          .operator()
                          .send(
                              "POST",
                              sandbox.path("/users"),
                              sandbox.userJson("same", false),
                              Sandbox.JSON);
                  assertTrue(reply.status() == 201 || reply.status() == 400, reply.toString());
                  return reply.status() == 201;
                }));
      }
      int created = 0;
      for (Future<Boolean> result : same) {
        created += result.get() ? 1 : 0;
      }
      assertEquals(1, created);
    } finally {
      pool.shutdownNow();
    }
    List<DirectoryUser> all = new ArrayList<>();
    directory.listUsers(all::add);
    assertEquals(9, all.size());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
