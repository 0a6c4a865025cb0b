package io.tenantsync.server.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R4: the tenant directory's immutable object id names one account, linked to at most one user of
 * the tenant (unique key, V9); the connector never takes over an account another user holds.
 */
class TenantObjectIdIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  @Test
  void anAccountLinkedToOneUserIsNotTakenOverByAnotherOfTheSameName() throws Exception {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    String ann = op.post(tenant.users(), "{\"userName\":\"ann@" + tenant.domain() + "\"}").id();
    String objectId =
        server
            .fixtures()
            .awaitSyncState(op, tenant, ann, "synced")
            .path(EXT)
            .path("tenantObjectId")
            .asText();
    // Renamed directly in the tenant to the name another user is then created with over SCIM.
    op.patch(
            "/sandbox/" + tenant.id() + "/v1.0/users/" + objectId,
            "{\"userPrincipalName\":\"bea@" + tenant.domain() + "\"}")
        .expect(204);
    String bea = op.post(tenant.users(), "{\"userName\":\"bea@" + tenant.domain() + "\"}").id();

    JsonNode failed = server.fixtures().awaitSyncState(op, tenant, bea, "failed");
    assertTrue(
        failed.path(EXT).path("syncError").asText().contains("linked to another user"),
        failed.toString());
    assertTrue(failed.path(EXT).path("tenantObjectId").isMissingNode(), failed.toString());
    assertEquals(
        objectId,
        op.get(tenant.users() + "/" + ann).json().path(EXT).path("tenantObjectId").asText());
  }

  @Test
  void theDatabaseRefusesOneObjectIdForTwoUsersOfATenant() throws Exception {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    String one = server.fixtures().user(op, tenant, "one");
    String two = server.fixtures().user(op, tenant, "two");
    try (Connection c = server.database.connect();
        PreparedStatement s =
            c.prepareStatement("update scim_user set tenant_object_id = ? where id = ?")) {
      s.setString(1, "object-1");
      s.setString(2, one);
      assertEquals(1, s.executeUpdate());
      s.setString(2, two);
      assertThrows(SQLException.class, s::executeUpdate);
    }
  }
}
