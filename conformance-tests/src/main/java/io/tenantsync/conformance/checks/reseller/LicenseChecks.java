package io.tenantsync.conformance.checks.reseller;

import static io.tenantsync.conformance.ResponseAssert.assertThat;
import static io.tenantsync.conformance.checks.reseller.Installation.licensedUser;
import static io.tenantsync.conformance.checks.reseller.Installation.sku;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import io.tenantsync.conformance.checks.reseller.Installation.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * License pools (API.md semantics 1, 2, 4, 6, 7; R3, R4, R7, R8, R11, R14, R18): one entitlement is
 * one assigned license; pools never oversubscribe; deactivation and DELETE release licenses.
 */
@Tag("reseller")
public class LicenseChecks extends ConformanceCheck {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private Installation installation;
  private Tenant tenant;

  @BeforeEach
  void newTenant() {
    installation = new Installation(scim);
    tenant = installation.tenant();
  }

  private ScimHttp users() {
    return tenant.scim();
  }

  private String licensed(final String... skus) {
    final ScimResponse created =
        users().post("/Users", licensedUser(tenant.userName("lic"), Scim.random(), skus));
    assertThat(created).status(201);
    return created.id();
  }

  private ResponseAssert patchUser(final String id, final String operations) {
    return assertThat(
        users()
            .patch(
                "/Users/" + id,
                "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}"));
  }

  private static boolean entitled(final JsonNode user, final String sku) {
    for (final JsonNode entitlement : user.path("entitlements")) {
      if (entitlement.path("value").asText().equals(sku)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void assignmentConsumesAUnitAndUnassignmentReleasesIt() {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 2);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 0);
    final String user = licensed(sku);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 1);
    patchUser(user, "{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\"" + sku + "\\\"]\"}")
        .status(200, 204);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 0);
    // R3: unassigning removes the license, not the account.
    assertThat(users().get("/Users/" + user))
        .status(200)
        .bool("/active", true)
        .satisfies(json -> !entitled(json, sku), "no entitlement " + sku + " any more");
  }

  @Test
  void oversubscriptionIsRefusedWholeAndNamesTheProduct() {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 1);
    licensed(sku);
    final String userName = tenant.userName("over");
    final ScimResponse refused = users().post("/Users", licensedUser(userName, Scim.random(), sku));
    assertThat(refused)
        .error(400, "invalidValue")
        .satisfies(
            json -> json.path("detail").asText().contains(sku),
            "a detail naming the product " + sku);
    assertThat(users().get(ScimHttp.query("/Users", "filter", "userName eq \"" + userName + "\"")))
        .listResponse()
        .number("/totalResults", 0);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 1);
  }

  @Test
  void licenseWithoutUsageLocationIsInvalidValue() {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 1);
    assertThat(
            users()
                .post(
                    "/Users",
                    """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","entitlements":[{"value":"%s"}]}
                    """
                        .formatted(tenant.userName("nowhere"), sku)))
        .error(400, "invalidValue");
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 0);
  }

  @Test
  void deactivationReleasesLicensesAndReactivationRestoresThem() {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 1);
    final String user = licensed(sku);
    patchUser(user, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}").status(200, 204);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 0);
    assertThat(users().get("/Users/" + user)).status(200).bool("/active", false);
    patchUser(user, "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}").status(200, 204);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 1);
    assertThat(users().get("/Users/" + user))
        .status(200)
        .bool("/active", true)
        .satisfies(json -> entitled(json, sku), "the entitlement " + sku + " restored");
  }

  @Test
  void deactivationWithTheStringFalseReleasesLicenses() {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 1);
    final String user = licensed(sku);
    patchUser(user, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")
        .status(200, 204);
    assertThat(tenant.scim().get("/Products/" + product))
        .status(200)
        .number("/consumedUnits", 0); // Rule 6: inactive users stay readable and filterable.
    final String userName = users().get("/Users/" + user).at("/userName").asText();
    assertThat(users().get(ScimHttp.query("/Users", "filter", "userName eq \"" + userName + "\"")))
        .listResponse()
        .number("/totalResults", 1)
        .bool("/Resources/0/active", false);
  }

  @Test
  void reactivationIsRefusedWholeWhenThePoolIsFull() {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 1);
    final String user = licensed(sku);
    patchUser(user, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}").status(200, 204);
    licensed(sku);
    patchUser(user, "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}")
        .error(400, "invalidValue");
    assertThat(users().get("/Users/" + user)).status(200).bool("/active", false);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 1);
  }

  @Test
  void upgradeMovesTheLicenseAtomically() {
    final String basic = sku();
    final String premium = sku();
    final String basicPool = installation.product(tenant, basic, 1);
    final String premiumPool = installation.product(tenant, premium, 1);
    final String user = licensed(basic);
    final String holder = licensed(premium);
    final String upgrade =
        "{\"op\":\"remove\",\"path\":\"entitlements[value eq \\\""
            + basic
            + "\\\"]\"},{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\""
            + premium
            + "\"}]}";
    patchUser(user, upgrade).error(400, "invalidValue");
    assertThat(users().get("/Users/" + user))
        .status(200)
        .satisfies(json -> entitled(json, basic) && !entitled(json, premium), "still on " + basic);
    assertThat(users().delete("/Users/" + holder)).status(204);
    patchUser(user, upgrade).status(200, 204);
    assertThat(users().get("/Users/" + user))
        .status(200)
        .satisfies(json -> entitled(json, premium) && !entitled(json, basic), "now on " + premium);
    assertThat(tenant.scim().get("/Products/" + basicPool)).status(200).number("/consumedUnits", 0);
    assertThat(tenant.scim().get("/Products/" + premiumPool))
        .status(200)
        .number("/consumedUnits", 1);
  }

  @Test
  void deleteReleasesLicensesAndAReturningUserIsRelinked() throws InterruptedException {
    final String sku = sku();
    final String product = installation.product(tenant, sku, 1);
    final String userName = tenant.userName("returning");
    final String externalId = Scim.random();
    final ScimResponse first = users().post("/Users", licensedUser(userName, externalId, sku));
    assertThat(first).status(201);
    final String objectId = awaitTenantObjectId(first.id());
    assertThat(users().delete("/Users/" + first.id())).status(204);
    assertThat(users().get("/Users/" + first.id())).error(404, null);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 0);
    final ScimResponse again = users().post("/Users", licensedUser(userName, externalId, sku));
    assertThat(again).status(201);
    assertThat(tenant.scim().get("/Products/" + product)).status(200).number("/consumedUnits", 1);
    assertThat(users().get("/Users/" + again.id()))
        .status(200)
        .text("/" + Urns.TENANTSYNC_USER.replace("/", "~1") + "/tenantObjectId", objectId);
  }

  /** The connector syncs asynchronously (API.md rule 12): wait for the tenant account's id. */
  private String awaitTenantObjectId(final String userId) throws InterruptedException {
    ScimResponse user = users().get("/Users/" + userId);
    for (int attempt = 0; attempt < 60; attempt++) {
      final JsonNode objectId = user.node().path(Urns.TENANTSYNC_USER).path("tenantObjectId");
      if (objectId.isTextual() && !objectId.asText().isEmpty()) {
        return objectId.asText();
      }
      Thread.sleep(500);
      user = users().get("/Users/" + userId);
    }
    throw assertThat(user)
        .failure("expected the user to be synced to the tenant (tenantObjectId) within 30 s");
  }
}
