package io.tenantsync.server.sandbox;

import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserDraft;
import io.tenantsync.connector.graph.GraphConfig;
import io.tenantsync.connector.graph.GraphHttp;
import io.tenantsync.connector.graph.GraphTenantDirectory;
import io.tenantsync.connector.graph.StaticTokenProvider;
import io.tenantsync.server.testing.Fixtures;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One sandbox tenant for a test: its base URL, raw-HTTP access as operator or tenant, and the real
 * connector client ({@link GraphTenantDirectory}) pointed at it, exactly as the server's workers
 * will use it.
 */
final class Sandbox {
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final GraphConfig DEFAULTS = GraphConfig.of(URI.create("http://127.0.0.1/"));
  private static final HttpClient HTTP = GraphHttp.newClient(DEFAULTS);

  final TestServer server;
  final Tenant tenant;
  final String tenantToken;

  private Sandbox(TestServer server, Tenant tenant, String tenantToken) {
    this.server = server;
    this.tenant = tenant;
    this.tenantToken = tenantToken;
  }

  /** A new tenant (sandbox directory, the default) with a token of its own. */
  static Sandbox create(TestServer server) {
    Tenant tenant = server.fixtures().tenant();
    return new Sandbox(server, tenant, server.fixtures().token("tenant", tenant.id()));
  }

  String base() {
    return server.baseUri() + path("");
  }

  /** {@code /sandbox/{tenantId}/v1.0} + {@code rest}, for the raw-HTTP helper. */
  String path(String rest) {
    return "/sandbox/" + tenant.id() + "/v1.0" + rest;
  }

  Http operator() {
    return server.operator();
  }

  Http asTenant() {
    return server.as(tenantToken);
  }

  /** The connector's Graph client with the operator token, one attempt per call. */
  GraphTenantDirectory directory() {
    return directory(TestServer.OPERATOR_TOKEN, 500);
  }

  GraphTenantDirectory directory(String token, int pageSize) {
    return new GraphTenantDirectory(
        GraphConfig.of(URI.create(base()))
            .withRetry(GraphConfig.Retry.none())
            .withPageSize(pageSize),
        new StaticTokenProvider(token),
        HTTP);
  }

  String upn(String local) {
    return local + "@" + tenant.domain();
  }

  /** A draft for {@code local@<initial domain>} with a usage location. */
  DirectoryUserDraft draft(String local) {
    return draft(local, "NL");
  }

  DirectoryUserDraft draft(String local, @Nullable String usageLocation) {
    return new DirectoryUserDraft(
        upn(local),
        "User " + local,
        null,
        "Given " + local,
        "Family",
        true,
        usageLocation,
        null,
        List.of(),
        null,
        null);
  }

  DirectoryUser createUser(String local) {
    return directory().createUser(draft(local));
  }

  /** Creates a user over raw HTTP (faster for bulk set-up); returns its id. */
  String postUser(String local) {
    return operator()
        .send("POST", path("/users"), userJson(local, false), JSON)
        .expect(201)
        .json()
        .path("id")
        .asText();
  }

  String userJson(String local, boolean synced) {
    return """
{"accountEnabled":true,"displayName":"User %s","mailNickname":"%s",
 "userPrincipalName":"%s","usageLocation":"DE",%s
 "passwordProfile":{"password":"Secret-Passw0rd!","forceChangePasswordNextSignIn":true}}"""
        .formatted(local, local, upn(local), synced ? "\"onPremisesSyncEnabled\":true," : "");
  }

  /** Adds a product through the operator extension; returns its skuId. */
  UUID sku(String partNumber, int units, String... plans) {
    StringBuilder servicePlans = new StringBuilder();
    for (String plan : plans) {
      servicePlans
          .append(servicePlans.length() == 0 ? "" : ",")
          .append("{\"servicePlanName\":\"")
          .append(plan)
          .append("\"}");
    }
    String id =
        operator()
            .send(
                "POST",
                path("/subscribedSkus"),
                """
                {"skuPartNumber":"%s","prepaidUnits":{"enabled":%d},"servicePlans":[%s]}"""
                    .formatted(partNumber, units, servicePlans),
                JSON)
            .expect(201)
            .json()
            .path("skuId")
            .asText();
    return UUID.fromString(id);
  }

  static String unique(String prefix) {
    return Fixtures.unique(prefix);
  }
}
