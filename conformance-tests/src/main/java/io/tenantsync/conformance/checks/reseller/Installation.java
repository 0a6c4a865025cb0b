package io.tenantsync.conformance.checks.reseller;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimHttp;
import io.tenantsync.conformance.ScimResponse;
import java.net.URI;

/**
 * The TenantSync installation API as the reseller checks use it: tenants, resellers, tokens,
 * delegated-admin offers and relationships, products. Every call asserts its documented status.
 */
final class Installation {

  /** A tenant with its own token: {@code scim} is its SCIM root, {@code api} the installation. */
  record Tenant(String id, String domain, Token token, ScimHttp scim, ScimHttp api) {
    String userName(final String hint) {
      return hint + "-" + Scim.random() + "@" + domain;
    }
  }

  /** A reseller with its own token, at the installation level. */
  record Reseller(String id, Token token, ScimHttp api) {}

  record Token(String id, String secret) {}

  private final ScimHttp operator;

  Installation(final Scim scim) {
    this.operator = scim.installation();
  }

  ScimHttp operator() {
    return operator;
  }

  /** The SCIM root of a tenant as seen with someone's token. */
  ScimHttp tenantRoot(final String tenantId, final String token) {
    return new ScimHttp(URI.create(operator.base() + "/tenants/" + tenantId), token);
  }

  Tenant tenant() {
    final String domain = "conf" + Scim.random() + ".onmicrosoft.com";
    final ScimResponse created =
        operator.post(
            "/Tenants",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Tenant"],"displayName":"Conformance %s","initialDomain":"%s"}
            """
                .formatted(domain, domain));
    assertThat(created).status(201);
    return tenant(created.id(), domain);
  }

  Tenant tenant(final String id, final String domain) {
    final Token token = token("tenant", id);
    return new Tenant(
        id,
        domain,
        token,
        tenantRoot(id, token.secret()),
        new ScimHttp(operator.base(), token.secret()));
  }

  Reseller reseller() {
    final ScimResponse created =
        operator.post(
            "/Resellers",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:Reseller"],"displayName":"R %s"}
            """
                .formatted(Scim.random()));
    assertThat(created).status(201);
    final Token token = token("reseller", created.id());
    return new Reseller(created.id(), token, new ScimHttp(operator.base(), token.secret()));
  }

  Token token(final String type, final String subjectId) {
    final ScimResponse created =
        operator.post(
            "/ApiTokens",
            """
            {"schemas":["urn:tenantsync:scim:schemas:core:2.0:ApiToken"],"subject":{"type":"%s","value":"%s"},"displayName":"conformance"}
            """
                .formatted(type, subjectId));
    assertThat(created).status(201).present("/token");
    return new Token(created.id(), created.text("/token").orElseThrow());
  }

  /** The reseller's offer: {@code FullAdministration} or {@code LimitedAdministration}. */
  String offer(final Reseller reseller, final String role) {
    final ScimResponse created =
        reseller
            .api()
            .post(
                "/DelegatedAdminOffers",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminOffer"],"role":"%s"}
                """
                    .formatted(role));
    assertThat(created).status(201).present("/offerCode");
    return created.text("/offerCode").orElseThrow();
  }

  /** The tenant accepts an offer; returns the relationship's id. */
  String accept(final Tenant tenant, final String offerCode) {
    final ScimResponse created =
        tenant
            .api()
            .post(
                "/DelegatedAdminRelationships",
                """
                {"schemas":["urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminRelationship"],"offerCode":"%s"}
                """
                    .formatted(offerCode));
    assertThat(created).status(201).text("/status", "active");
    return created.id();
  }

  /** A related reseller's view of the tenant's SCIM root. */
  ScimHttp relate(final Reseller reseller, final Tenant tenant, final String role) {
    accept(tenant, offer(reseller, role));
    return tenantRoot(tenant.id(), reseller.token().secret());
  }

  /** A license pool in the tenant; returns the Product id. */
  String product(final Tenant tenant, final String skuPartNumber, final int units) {
    final ScimResponse created =
        tenant
            .scim()
            .post(
                "/Products",
                """
                {
                  "schemas": ["urn:tenantsync:scim:schemas:core:2.0:Product"],
                  "skuId": "%s",
                  "skuPartNumber": "%s",
                  "displayName": "%s",
                  "prepaidUnits": {"enabled": %d},
                  "servicePlans": [{"servicePlanId": "%s", "servicePlanName": "TEAMS1", "service": "Teams"}]
                }
                """
                    .formatted(
                        java.util.UUID.randomUUID(),
                        skuPartNumber,
                        skuPartNumber,
                        units,
                        java.util.UUID.randomUUID()));
    assertThat(created).status(201);
    return created.id();
  }

  static long consumed(final Tenant tenant, final String productId) {
    final ScimResponse product = tenant.scim().get("/Products/" + productId);
    assertThat(product).status(200).present("/consumedUnits");
    return product.at("/consumedUnits").asLong();
  }

  /** A licensable user body: usage location set, the given SKUs as entitlements. */
  static String licensedUser(final String userName, final String externalId, final String... skus) {
    final StringBuilder entitlements = new StringBuilder();
    for (final String sku : skus) {
      entitlements
          .append(entitlements.isEmpty() ? "" : ",")
          .append("{\"value\":\"")
          .append(sku)
          .append("\"}");
    }
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                      "urn:tenantsync:scim:schemas:extension:reseller:2.0:User"],
          "userName": "%s",
          "externalId": "%s",
          "name": {"givenName": "Lic", "familyName": "Ensee"},
          "entitlements": [%s],
          "urn:tenantsync:scim:schemas:extension:reseller:2.0:User": {"usageLocation": "DE"}
        }
        """
        .formatted(userName, externalId, entitlements);
  }

  static String sku() {
    return "SKU_" + Scim.random().toUpperCase(java.util.Locale.ROOT);
  }
}
