package io.tenantsync.server.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R13 custom domains on {@code Tenants}: added unverified with a verification code, verified by the
 * operator; a PUT without {@code domains} keeps them; a domain user names are on is not withdrawn.
 */
class TenantDomainsIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  Http op;
  Tenant tenant;
  Http tenantAdmin;
  String custom;

  @BeforeEach
  void tenant() {
    op = server.operator();
    tenant = server.fixtures().tenant();
    tenantAdmin = server.as(server.fixtures().token("tenant", tenant.id()));
    custom = tenant.domain().replace(".onmicrosoft.com", ".example.com");
  }

  Http.Reply put(Http as, String domains) {
    return as.put(
        "Tenants/" + tenant.id(),
        "{\"displayName\":\"t\",\"initialDomain\":\""
            + tenant.domain()
            + "\""
            + (domains == null ? "" : ",\"domains\":" + domains)
            + "}");
  }

  @Test
  void aDomainStartsUnverifiedWithItsCodeShownToThoseWhoManageDomains() {
    // The tenant's own "verified": true is ignored: only the operator verifies.
    JsonNode added =
        put(tenantAdmin, "[{\"value\":\"" + custom + "\",\"verified\":true}]").expect(200).json();
    JsonNode domain = added.path("domains").get(0);
    assertEquals(custom, domain.path("value").asText());
    assertEquals(false, domain.path("verified").asBoolean(true));
    String code = domain.path("verificationCode").asText();
    assertTrue(code.matches("ts-verify-[0-9a-f]{16}"), added.toString());
    assertEquals(
        code,
        op.get("Tenants/" + tenant.id())
            .json()
            .path("domains")
            .get(0)
            .path("verificationCode")
            .asText());
    // Lists never carry codes.
    JsonNode listed = tenantAdmin.get("Tenants").expect(200).json().path("Resources").get(0);
    assertTrue(listed.path("domains").get(0).path("verificationCode").isMissingNode());
    // A Limited administrator does not manage domains: no code.
    Http limited = limitedReseller();
    JsonNode seen = limited.get("Tenants/" + tenant.id()).expect(200).json();
    assertTrue(
        seen.path("domains").get(0).path("verificationCode").isMissingNode(), seen.toString());
    // The code survives a PUT that lists the domain again, and goes once the domain is verified.
    assertEquals(
        code,
        put(tenantAdmin, "[{\"value\":\"" + custom.toUpperCase() + "\"}]")
            .expect(200)
            .json()
            .path("domains")
            .get(0)
            .path("verificationCode")
            .asText());
    JsonNode verified =
        put(op, "[{\"value\":\"" + custom + "\",\"verified\":true}]").expect(200).json();
    assertEquals(true, verified.path("domains").get(0).path("verified").asBoolean());
    assertTrue(verified.path("domains").get(0).path("verificationCode").isMissingNode());
  }

  @Test
  void aPutWithoutDomainsKeepsThemAndAnEmptyListRemovesThem() {
    put(op, "[{\"value\":\"" + custom + "\",\"verified\":true}]").expect(200);
    JsonNode kept = put(tenantAdmin, null).expect(200).json();
    assertEquals(1, kept.path("domains").size(), kept.toString());
    assertEquals(true, kept.path("domains").get(0).path("verified").asBoolean());

    JsonNode removed = put(tenantAdmin, "[]").expect(200).json();
    assertEquals(0, removed.path("domains").size(), removed.toString());
  }

  @Test
  void aDomainUserNamesAreOnIsNeitherRemovedNorUnverified() {
    put(op, "[{\"value\":\"" + custom + "\",\"verified\":true}]").expect(200);
    String user =
        op.post(tenant.users(), "{\"userName\":\"geoff@" + custom + "\"}").expect(201).id();

    var refused = put(tenantAdmin, "[]").expectError(400, "invalidValue");
    assertEquals(
        "domains: "
            + custom
            + " is the domain of 1 user name(s); rename those users before removing or"
            + " unverifying it",
        refused.json().path("detail").asText());
    put(op, "[{\"value\":\"" + custom + "\",\"verified\":false}]").expectError(400, "invalidValue");
    assertEquals(
        true,
        op.get("Tenants/" + tenant.id())
            .json()
            .path("domains")
            .get(0)
            .path("verified")
            .asBoolean());

    op.patch(
            tenant.users() + "/" + user,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"geoff@"
                + tenant.domain()
                + "\"}]}")
        .expect(200);
    assertEquals(0, put(tenantAdmin, "[]").expect(200).json().path("domains").size());
  }

  private Http limitedReseller() {
    return server.fixtures().delegatedReseller(tenant, "LimitedAdministration");
  }
}
