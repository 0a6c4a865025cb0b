package io.tenantsync.conformance.checks.reseller;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.checks.reseller.Installation.Reseller;
import io.tenantsync.conformance.checks.reseller.Installation.Tenant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Who may see what (API.md "Principals and authentication"; R28–R30): resellers only through an
 * active delegated-admin relationship, tenants only themselves, revoked tokens nothing.
 */
@Tag("reseller")
public class ResellerAccessChecks extends ConformanceCheck {

  private Installation installation;

  @BeforeEach
  void connect() {
    installation = new Installation(scim);
  }

  private String userIn(final Tenant tenant) {
    final ScimResponse created = tenant.scim().post("/Users", Scim.userJson(tenant.userName("u")));
    assertThat(created).status(201);
    return created.id();
  }

  /** Neither readable nor deletable through {@code root}; the owner still sees the user. */
  private static void invisible(final ScimHttp root, final Tenant owner, final String userId) {
    assertThat(root.get("/Users")).error(404, null);
    assertThat(root.get("/Users/" + userId)).error(404, null);
    assertThat(root.delete("/Users/" + userId)).error(404, null);
    assertThat(owner.scim().get("/Users/" + userId)).status(200);
  }

  @Test
  void resellerWithoutRelationshipSeesNeitherTenantNorItsUsers() {
    final Tenant tenant = installation.tenant();
    final String user = userIn(tenant);
    final Reseller reseller = installation.reseller();
    invisible(installation.tenantRoot(tenant.id(), reseller.token().secret()), tenant, user);
    assertThat(reseller.api().get("/Tenants/" + tenant.id())).error(404, null);
  }

  @Test
  void acceptedOfferGrantsAccessAndTerminationEndsItAtOnce() {
    final Tenant tenant = installation.tenant();
    final String user = userIn(tenant);
    final Reseller reseller = installation.reseller();
    final String relationship =
        installation.accept(tenant, installation.offer(reseller, "FullAdministration"));
    final ScimHttp root = installation.tenantRoot(tenant.id(), reseller.token().secret());
    assertThat(root.get("/Users/" + user)).status(200).text("/id", user);
    assertThat(reseller.api().get("/Tenants/" + tenant.id())).status(200).text("/id", tenant.id());
    assertThat(tenant.api().delete("/DelegatedAdminRelationships/" + relationship)).status(204);
    invisible(root, tenant, user);
    assertThat(reseller.api().get("/Tenants/" + tenant.id())).error(404, null);
  }

  @Test
  void offerIsReusableAcrossTenants() {
    final Reseller reseller = installation.reseller();
    final String offer = installation.offer(reseller, "FullAdministration");
    final Tenant first = installation.tenant();
    final Tenant second = installation.tenant();
    installation.accept(first, offer);
    installation.accept(second, offer);
    assertThat(installation.tenantRoot(first.id(), reseller.token().secret()).get("/Users"))
        .listResponse();
    assertThat(installation.tenantRoot(second.id(), reseller.token().secret()).get("/Users"))
        .listResponse();
  }

  @Test
  void resellerListsOnlyRelatedTenants() {
    final Reseller reseller = installation.reseller();
    final Tenant related = installation.tenant();
    final Tenant unrelated = installation.tenant();
    installation.relate(reseller, related, "FullAdministration");
    assertThat(reseller.api().get("/Tenants"))
        .listResponse()
        .satisfies(
            json -> {
              final var ids = new java.util.HashSet<String>();
              json.path("Resources").forEach(t -> ids.add(t.path("id").asText()));
              return ids.contains(related.id()) && !ids.contains(unrelated.id());
            },
            "the related tenant "
                + related.id()
                + " listed and the unrelated "
                + unrelated.id()
                + " not");
  }

  @Test
  void tenantCreatedByAResellerIsAdministeredAtOnce() {
    final Reseller reseller = installation.reseller();
    final String domain = "conf" + Scim.random() + ".onmicrosoft.com";
    final ScimResponse created =
        reseller
            .api()
            .post(
                "/Tenants",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Tenant"],"displayName":"By reseller","initialDomain":"%s"}
                """
                    .formatted(domain));
    assertThat(created).status(201);
    final ScimHttp root = installation.tenantRoot(created.id(), reseller.token().secret());
    final ScimResponse user =
        root.post("/Users", Scim.userJson("first-" + Scim.random() + "@" + domain));
    assertThat(user).status(201);
  }

  @Test
  void tenantTokenCannotReachAnotherTenant() {
    final Tenant mine = installation.tenant();
    final Tenant other = installation.tenant();
    final String theirs = userIn(other);
    invisible(installation.tenantRoot(other.id(), mine.token().secret()), other, theirs);
    assertThat(mine.api().get("/Tenants/" + other.id())).error(404, null);
    assertThat(mine.api().get("/Tenants/" + mine.id())).status(200);
  }

  @Test
  void tenantTokenCannotUseTheInstallationApiOfTheOperator() {
    final Tenant tenant = installation.tenant();
    final ScimResponse reseller =
        tenant
            .api()
            .post(
                "/Resellers",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Reseller"],"displayName":"Sneaky"}
                """);
    assertThat(reseller).status(403, 404);
    assertThat(reseller).error(reseller.status(), null);
  }

  @Test
  void revokedTokenIsUnauthorizedAtOnce() {
    final Tenant tenant = installation.tenant();
    final Installation.Token extra = installation.token("tenant", tenant.id());
    final ScimHttp root = installation.tenantRoot(tenant.id(), extra.secret());
    assertThat(root.get("/Users")).listResponse();
    assertThat(installation.operator().delete("/ApiTokens/" + extra.id())).status(204);
    assertThat(root.get("/Users"))
        .status(401)
        .header(
            "WWW-Authenticate",
            value -> value.toLowerCase(Locale.ROOT).startsWith("bearer"),
            "a Bearer challenge");
  }

  @Test
  void tokenSecretIsShownOnlyAtCreation() {
    final Tenant tenant = installation.tenant();
    assertThat(installation.operator().get("/ApiTokens/" + tenant.token().id()))
        .status(200)
        .absent("/token");
  }
}
