package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API.md rules 8, 9 and 11: unmanaged users, directory-synced users, Limited administration. */
class UserRulesIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  Http op;
  Tenant tenant;

  @BeforeEach
  void tenant() {
    op = server.operator();
    tenant = server.fixtures().tenant();
  }

  void setColumn(String user, String column, Object value) throws Exception {
    try (Connection c = server.database.connect();
        PreparedStatement s =
            c.prepareStatement("update scim_user set " + column + " = ? where id = ?")) {
      s.setObject(1, value);
      s.setString(2, user);
      assertEquals(1, s.executeUpdate());
    }
  }

  Http limitedReseller() {
    return server.fixtures().delegatedReseller(tenant, "LimitedAdministration");
  }

  @Test
  void limitedAdministrationSetsPasswordsOfNonAdminsOnly() {
    String plain = server.fixtures().user(op, tenant, "plain");
    String admin =
        op.post(
                tenant.users(),
                "{\"userName\":\"boss@"
                    + tenant.domain()
                    + "\",\"roles\":[{\"value\":\"UserAdministrator\"}],\""
                    + EXT
                    + "\":{\"alternateEmail\":\"boss@example.com\"}}")
            .expect(201)
            .id();
    Http limited = limitedReseller();

    limited.get(tenant.users() + "/" + plain).expect(200);
    limited
        .patch(
            tenant.users() + "/" + plain,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"N3w-Passw0rd!\"}]}")
        .expect(200);
    limited
        .patch(
            tenant.users() + "/" + admin,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"N3w-Passw0rd!\"}]}")
        .expectError(403, null);
    limited
        .patch(
            tenant.users() + "/" + plain,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
        .expectError(403, null);
    limited
        .put(tenant.users() + "/" + plain, "{\"userName\":\"plain@" + tenant.domain() + "\"}")
        .expectError(403, null);
    limited.delete(tenant.users() + "/" + plain).expectError(403, null);
  }

  @Test
  void unmanagedUsersTakeNoChangeButAdoption() throws Exception {
    String user = server.fixtures().user(op, tenant, "outsider");
    setColumn(user, "managed", false);
    setColumn(user, "source", "tenant");

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
        .expectError(403, null);
    op.put(
            tenant.users() + "/" + user,
            "{\"userName\":\"outsider@" + tenant.domain() + "\",\"displayName\":\"x\"}")
        .expectError(403, null);
    op.delete(tenant.users() + "/" + user).expectError(403, null);
    var found = op.get(tenant.users() + "/" + user).expect(200).json();
    assertEquals(false, found.path(EXT).path("managed").asBoolean(true));

    var adopted =
        op.patch(
                tenant.users() + "/" + user,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\""
                    + EXT
                    + ":managed\",\"value\":true}]}")
            .expect(200)
            .json();
    assertEquals(true, adopted.path(EXT).path("managed").asBoolean(false));
    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
        .expect(200);
    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\""
                + EXT
                + ":managed\",\"value\":false}]}")
        .expectError(400, "mutability");
  }

  @Test
  void directorySyncedIdentityIsReadOnlyButLicensesAndRolesAreNot() throws Exception {
    op.post(
            "tenants/" + tenant.id() + "/Products",
            "{\"skuPartNumber\":\"SPE_E3\",\"prepaidUnits\":{\"enabled\":1}}")
        .expect(201);
    String user =
        op.post(
                tenant.users(),
                "{\"userName\":\"synced@"
                    + tenant.domain()
                    + "\",\""
                    + EXT
                    + "\":{\"usageLocation\":\"NL\",\"alternateEmail\":\"s@example.com\"}}")
            .expect(201)
            .id();
    setColumn(user, "source", "directorySync");

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")
        .expectError(400, "mutability");
    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"y@"
                + tenant.domain()
                + "\"}]}")
        .expectError(400, "mutability");
    var licensed =
        op.patch(
                tenant.users() + "/" + user,
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\"SPE_E3\"}]},"
                    + "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"BillingAdministrator\"}]}]}")
            .expect(200)
            .json();
    assertEquals("SPE_E3", licensed.path("entitlements").get(0).path("value").asText());
    assertEquals("BillingAdministrator", licensed.path("roles").get(0).path("value").asText());
  }
}
