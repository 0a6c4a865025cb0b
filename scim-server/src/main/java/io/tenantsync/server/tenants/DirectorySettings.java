package io.tenantsync.server.tenants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.persistence.SecretBox;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the connector reaches one tenant's directory: the built-in sandbox, or a real Microsoft Graph
 * endpoint with OAuth2 client credentials. The client secret is stored sealed.
 */
public record DirectorySettings(
    String type,
    @Nullable String baseUrl,
    @Nullable String tokenUrl,
    @Nullable String clientId,
    @Nullable String sealedClientSecret) {
  public static final String SANDBOX = "sandbox";
  public static final String GRAPH = "graph";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static DirectorySettings sandbox() {
    return new DirectorySettings(SANDBOX, null, null, null, null);
  }

  /**
   * Validates a requested directory. For Graph every field is required, except that a replace may
   * leave {@code clientSecret} out to keep the current one.
   */
  public static DirectorySettings from(
      TenantResource.@Nullable Directory wire, @Nullable DirectorySettings current, SecretBox box)
      throws BadRequestException {
    if (wire == null || wire.getType() == null) {
      return current == null ? sandbox() : current;
    }
    String type = wire.getType().toLowerCase(Locale.ROOT);
    if (type.equals(SANDBOX)) {
      return sandbox();
    }
    if (!type.equals(GRAPH)) {
      throw BadRequestException.invalidValue(
          "directory.type must be sandbox or graph, not " + wire.getType());
    }
    String secret = wire.getClientSecret();
    String sealed =
        secret != null
            ? box.seal(secret)
            : current != null && GRAPH.equals(current.type()) ? current.sealedClientSecret() : null;
    if (sealed == null) {
      throw BadRequestException.invalidValue("directory.clientSecret is required for type graph");
    }
    return new DirectorySettings(
        GRAPH,
        httpUrl("directory.baseUrl", wire.getBaseUrl()),
        httpUrl("directory.tokenUrl", wire.getTokenUrl()),
        required("directory.clientId", wire.getClientId()),
        sealed);
  }

  public static DirectorySettings fromStored(String type, @Nullable String json) {
    if (!GRAPH.equals(type) || json == null) {
      return sandbox();
    }
    try {
      return JSON.readValue(json, DirectorySettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored directory settings are unreadable", e);
    }
  }

  public @Nullable String toStored() {
    if (SANDBOX.equals(type)) {
      return null;
    }
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store directory settings", e);
    }
  }

  /**
   * Which directory these settings reach, without the secret: the same value means the same
   * directory, so state kept about it (a delta position) is still valid.
   */
  public String identity() {
    return SANDBOX.equals(type) ? SANDBOX : String.join(" ", type, baseUrl, tokenUrl, clientId);
  }

  /** The wire form; the secret is never returned. */
  public TenantResource.Directory toWire() {
    TenantResource.Directory wire = new TenantResource.Directory();
    wire.setType(type);
    wire.setBaseUrl(baseUrl);
    wire.setTokenUrl(tokenUrl);
    wire.setClientId(clientId);
    return wire;
  }

  private static String required(String attribute, @Nullable String value)
      throws BadRequestException {
    if (value == null || value.isBlank()) {
      throw BadRequestException.invalidValue(attribute + " is required for type graph");
    }
    return value.trim();
  }

  private static String httpUrl(String attribute, @Nullable String value)
      throws BadRequestException {
    String url = required(attribute, value);
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw BadRequestException.invalidValue(attribute + " must be an http(s) URL: " + url);
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw BadRequestException.invalidValue(attribute + " is not a URL: " + url);
    }
  }
}
