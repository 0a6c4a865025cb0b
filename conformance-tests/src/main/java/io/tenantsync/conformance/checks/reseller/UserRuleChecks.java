package io.tenantsync.conformance.checks.reseller;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.checks.reseller.Installation.Reseller;
import io.tenantsync.conformance.checks.reseller.Installation.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * User rules (API.md semantics 3, 10, 11, 13; R13, R14, R16, R30): admin roles need an alternate
 * email, userNames live in the tenant's domains, Limited administration only sets passwords.
 */
@Tag("reseller")
public class UserRuleChecks extends ConformanceCheck {

  private Installation installation;
  private Tenant tenant;

  @BeforeEach
  void newTenant() {
    installation = new Installation(scim);
    tenant = installation.tenant();
  }

  private static String admin(final String userName, final String alternateEmail) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                      "urn:tenantsync:scim:schemas:extension:reseller:2.0:User"],
          "userName": "%s",
          "roles": [{"value": "GlobalAdministrator"}]%s
        }
        """
        .formatted(
            userName,
            alternateEmail.isEmpty()
                ? ""
                : ",\n  \"urn:tenantsync:scim:schemas:extension:reseller:2.0:User\":"
                    + " {\"alternateEmail\": \""
                    + alternateEmail
                    + "\"}");
  }

  private static String password(final String value) {
    return """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"password","value":"%s"}]}
        """
        .formatted(value);
  }

  @Test
  void adminRoleWithoutAlternateEmailIsInvalidValue() {
    final String userName = tenant.userName("admin");
    assertThat(tenant.scim().post("/Users", admin(userName, ""))).error(400, "invalidValue");
    assertThat(
            tenant
                .scim()
                .get(ScimHttp.query("/Users", "filter", "userName eq \"" + userName + "\"")))
        .listResponse()
        .number("/totalResults", 0);
  }

  @Test
  void adminRoleWithAlternateEmailIsAccepted() {
    final ScimResponse created =
        tenant.scim().post("/Users", admin(tenant.userName("admin"), "it@alternate.example"));
    assertThat(created).status(201).text("/roles/0/value", "GlobalAdministrator");
  }

  @Test
  void userNameOutsideTheTenantsDomainsIsInvalidValue() {
    assertThat(
            tenant
                .scim()
                .post("/Users", Scim.userJson("stranger-" + Scim.random() + "@not-ours.example")))
        .error(400, "invalidValue");
  }

  @Test
  void initialUserNameIsReservedCaseInsensitively() {
    final String userName = tenant.userName("geoff");
    assertThat(tenant.scim().post("/Users", Scim.userJson(userName))).status(201);
    assertThat(
            tenant
                .scim()
                .post("/Users", Scim.userJson(userName.toUpperCase(java.util.Locale.ROOT))))
        .error(409, "uniqueness");
  }

  @Test
  void passwordIsWriteOnly() {
    final ScimResponse created =
        tenant
            .scim()
            .post(
                "/Users",
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","password":"Wr1te-Only!"}
                """
                    .formatted(tenant.userName("pw")));
    assertThat(created).status(201).absent("/password");
    assertThat(tenant.scim().get("/Users/" + created.id())).status(200).absent("/password");
    assertThat(tenant.scim().get(ScimHttp.query("/Users", "attributes", "password")))
        .listResponse()
        .satisfies(json -> !json.toString().contains("Wr1te-Only!"), "the password nowhere");
  }

  @Test
  void limitedAdministrationMayOnlySetPasswordsOfNonAdmins() {
    final ScimResponse plain =
        tenant.scim().post("/Users", Scim.userJson(tenant.userName("plain")));
    assertThat(plain).status(201);
    final ScimResponse boss =
        tenant.scim().post("/Users", admin(tenant.userName("boss"), "boss@alternate.example"));
    assertThat(boss).status(201);
    final Reseller reseller = installation.reseller();
    final ScimHttp limited = installation.relate(reseller, tenant, "LimitedAdministration");

    assertThat(limited.get("/Users/" + plain.id())).status(200);
    assertThat(limited.get("/Users")).listResponse();
    assertThat(limited.patch("/Users/" + plain.id(), password("N3w-Passw0rd!"))).status(200, 204);

    assertThat(limited.patch("/Users/" + boss.id(), password("N3w-Passw0rd!"))).error(403, null);
    assertThat(
            limited.patch(
                "/Users/" + plain.id(),
                """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Nope"}]}
                """))
        .error(403, null);
    final String refusedName = tenant.userName("nope");
    assertThat(limited.post("/Users", Scim.userJson(refusedName))).error(403, null);
    assertThat(limited.delete("/Users/" + plain.id())).error(403, null);
    assertThat(limited.post("/Groups", Scim.groupJson("nope-" + Scim.random()))).error(403, null);
    // Nothing refused happened: the user is there, unchanged; no user was created.
    assertThat(tenant.scim().get("/Users/" + plain.id()))
        .status(200)
        .text("/displayName", "Conf Ormance");
    assertThat(
            tenant
                .scim()
                .get(ScimHttp.query("/Users", "filter", "userName eq \"" + refusedName + "\"")))
        .listResponse()
        .number("/totalResults", 0);
  }

  @Test
  void fullAdministrationMayManageUsers() {
    final Reseller reseller = installation.reseller();
    final ScimHttp full = installation.relate(reseller, tenant, "FullAdministration");
    final ScimResponse created = full.post("/Users", Scim.userJson(tenant.userName("by-partner")));
    assertThat(created).status(201);
    assertThat(full.delete("/Users/" + created.id())).status(204);
  }
}
