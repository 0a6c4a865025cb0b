package io.tenantsync.connector.graph;

import io.tenantsync.connector.Secrets;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An application's OAuth 2.0 client credentials for one tenant. The secret is never printed: {@link
 * #toString()} masks it.
 */
public record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope) {

  /** The scope that grants the application permissions consented for Graph. */
  public static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

  public ClientCredentials {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(scope, "scope");
  }

  /** Credentials against Microsoft Entra ID's v2.0 token endpoint of {@code tenant}. */
  public static ClientCredentials forEntraTenant(
      String tenant, String clientId, String clientSecret) {
    URI url =
        URI.create(
            "https://login.microsoftonline.com/"
                + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
                + "/oauth2/v2.0/token");
    return new ClientCredentials(url, clientId, clientSecret, GRAPH_DEFAULT_SCOPE);
  }

  @Override
  public String toString() {
    return "ClientCredentials[tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret="
        + Secrets.mask(clientSecret)
        + ", scope="
        + scope
        + "]";
  }
}
