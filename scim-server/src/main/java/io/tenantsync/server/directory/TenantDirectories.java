package io.tenantsync.server.directory;

import io.tenantsync.connector.TenantDirectory;
import io.tenantsync.connector.graph.ClientCredentials;
import io.tenantsync.connector.graph.ClientCredentialsTokenProvider;
import io.tenantsync.connector.graph.GraphConfig;
import io.tenantsync.connector.graph.GraphHttp;
import io.tenantsync.connector.graph.GraphTenantDirectory;
import io.tenantsync.connector.graph.StaticTokenProvider;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.SecretBox;
import io.tenantsync.server.tenants.DirectorySettings;
import io.tenantsync.server.tenants.TenantEntity;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Gives each tenant its {@link TenantDirectory}: the built-in sandbox of this very process, reached
 * over HTTP through the same Graph client as a real tenant (API.md, "The tenant sandbox"), or a
 * real Microsoft Graph endpoint with OAuth2 client credentials.
 *
 * <p>Clients are kept per tenant and settings version, so a cached Graph access token is reused
 * until the tenant's settings change. This cache holds nothing that nodes must agree on. Retries
 * inside one call are short: the outbox reschedules longer waits itself. Thread-safe.
 */
public final class TenantDirectories {
  /** Retries within one directory call; longer waits are the outbox's back-off. */
  static final GraphConfig.Retry IN_CALL_RETRY =
      new GraphConfig.Retry(
          3, Duration.ofMillis(200), Duration.ofSeconds(2), 0.2, Duration.ofSeconds(5));

  private final Database database;
  private final SecretBox secretBox;
  private final ConnectorCredentials credentials;
  private final Supplier<URI> selfBaseUri;
  private final HttpClient http;
  private final Map<String, Cached> clients = new ConcurrentHashMap<>();

  private record Cached(long version, TenantDirectory directory) {}

  public TenantDirectories(
      Database database,
      SecretBox secretBox,
      ConnectorCredentials credentials,
      Supplier<URI> selfBaseUri) {
    this.database = database;
    this.secretBox = secretBox;
    this.credentials = credentials;
    this.selfBaseUri = selfBaseUri;
    this.http = GraphHttp.newClient(GraphConfig.of(URI.create("http://localhost")));
  }

  /** The directory of {@code tenantId}; throws if the tenant no longer exists. */
  public TenantDirectory forTenant(String tenantId) {
    TenantEntity tenant =
        database.inPlainTransaction(session -> session.find(TenantEntity.class, tenantId));
    if (tenant == null) {
      throw new IllegalStateException("tenant " + tenantId + " no longer exists");
    }
    Cached cached = clients.get(tenantId);
    if (cached != null && cached.version() == tenant.version()) {
      return cached.directory();
    }
    TenantDirectory directory = create(tenant);
    clients.put(tenantId, new Cached(tenant.version(), directory));
    return directory;
  }

  /** Forgets a tenant's client, e.g. after its sandbox token was revoked. */
  public void forget(String tenantId) {
    clients.remove(tenantId);
  }

  /**
   * The Graph base URL the tenant's directory is reached at: the configured one, or this node's
   * sandbox. Links the directory hands out (next pages, delta positions) start with it.
   */
  public URI baseUri(TenantEntity tenant) {
    DirectorySettings settings =
        DirectorySettings.fromStored(tenant.directoryType(), tenant.directoryConfig());
    return DirectorySettings.GRAPH.equals(settings.type())
        ? URI.create(settings.baseUrl())
        : selfBaseUri.get().resolve("/sandbox/" + tenant.id() + "/v1.0");
  }

  private TenantDirectory create(TenantEntity tenant) {
    DirectorySettings settings =
        DirectorySettings.fromStored(tenant.directoryType(), tenant.directoryConfig());
    if (DirectorySettings.GRAPH.equals(settings.type())) {
      GraphConfig config = GraphConfig.of(baseUri(tenant)).withRetry(IN_CALL_RETRY);
      ClientCredentials client =
          new ClientCredentials(
              URI.create(settings.tokenUrl()),
              settings.clientId(),
              secretBox.open(settings.sealedClientSecret()),
              ClientCredentials.GRAPH_DEFAULT_SCOPE);
      return new GraphTenantDirectory(
          config, new ClientCredentialsTokenProvider(client, http), http);
    }
    GraphConfig config = GraphConfig.of(baseUri(tenant)).withRetry(IN_CALL_RETRY);
    return new GraphTenantDirectory(
        config, new StaticTokenProvider(credentials.secretFor(tenant.id())), http);
  }
}
