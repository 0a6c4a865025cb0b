package io.tenantsync.conformance;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The server under test: its SCIM service root and the bearer token of a principal that may create,
 * read, change and delete Users and Groups there.
 *
 * <p>The installation URL and operator token are TenantSync-specific: only the {@code reseller}
 * section needs them, and it is skipped when they are absent. {@code userDomain} is the domain of
 * the {@code userName}s the checks invent (some servers, TenantSync among them, accept only
 * userNames in domains the tenant owns).
 *
 * <p>Configuration keys are read as JUnit configuration parameters, which fall back to JVM system
 * properties: {@code -Dscim.baseUrl=… -Dscim.token=…}.
 */
public record ScimTarget(
    URI baseUrl,
    @Nullable String token,
    @Nullable URI installationUrl,
    @Nullable String operatorToken,
    String userDomain) {

  public static final String BASE_URL = "scim.baseUrl";
  public static final String TOKEN = "scim.token";
  public static final String INSTALLATION_URL = "scim.installationUrl";
  public static final String OPERATOR_TOKEN = "scim.operatorToken";
  public static final String USER_DOMAIN = "scim.userDomain";
  public static final String DEFAULT_USER_DOMAIN = "example.com";

  public ScimTarget {
    baseUrl = withoutTrailingSlash(baseUrl);
    installationUrl = installationUrl == null ? null : withoutTrailingSlash(installationUrl);
  }

  /** A target with only a base URL and a token; userNames in {@value #DEFAULT_USER_DOMAIN}. */
  public static ScimTarget of(URI baseUrl, @Nullable String token) {
    return new ScimTarget(baseUrl, token, null, null, DEFAULT_USER_DOMAIN);
  }

  /**
   * Reads a target from configuration parameters, if {@value #BASE_URL} is one of them.
   *
   * @param parameters looks a key up; blank values count as absent
   */
  public static Optional<ScimTarget> fromParameters(
      final Function<String, Optional<String>> parameters) {
    final Function<String, Optional<String>> lookup =
        key -> parameters.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    return lookup
        .apply(BASE_URL)
        .map(
            base ->
                new ScimTarget(
                    URI.create(base),
                    lookup.apply(TOKEN).orElse(null),
                    lookup.apply(INSTALLATION_URL).map(URI::create).orElse(null),
                    lookup.apply(OPERATOR_TOKEN).orElse(null),
                    lookup.apply(USER_DOMAIN).orElse(DEFAULT_USER_DOMAIN)));
  }

  /** The inverse of {@link #fromParameters}: what the runner hands to the JUnit launcher. */
  public Map<String, String> toParameters() {
    final Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(BASE_URL, baseUrl.toString());
    if (token != null) {
      parameters.put(TOKEN, token);
    }
    if (installationUrl != null) {
      parameters.put(INSTALLATION_URL, installationUrl.toString());
    }
    if (operatorToken != null) {
      parameters.put(OPERATOR_TOKEN, operatorToken);
    }
    parameters.put(USER_DOMAIN, userDomain);
    return parameters;
  }

  /** Whether the TenantSync installation API (operator level) is reachable. */
  public boolean hasInstallation() {
    return installationUrl != null && operatorToken != null;
  }

  @Override
  public String toString() {
    // Never print tokens.
    return "ScimTarget[" + baseUrl + ", userDomain=" + userDomain + "]";
  }

  private static URI withoutTrailingSlash(final URI uri) {
    final String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
