package io.tenantsync.conformance;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one check works with: the target, the request helper, the advertised features, unique names,
 * and fixtures that are deleted again when the check ends (best effort, in reverse order). One
 * instance per check; not thread-safe.
 */
public final class Scim implements ExtensionContext.Store.CloseableResource {

  private static final Map<String, ServiceProviderConfig> CONFIGS = new ConcurrentHashMap<>();

  private final ScimTarget target;
  private final ScimHttp http;
  private final Deque<Runnable> cleanups = new ArrayDeque<>();

  public Scim(final ScimTarget target) {
    this.target = target;
    this.http = new ScimHttp(target.baseUrl(), target.token());
  }

  public ScimTarget target() {
    return target;
  }

  /** Requests to the SCIM service root with the target's token. */
  public ScimHttp http() {
    return http;
  }

  /** The ServiceProviderConfig, fetched once per target and JVM. */
  public ServiceProviderConfig config() {
    return CONFIGS.computeIfAbsent(
        target.baseUrl() + " " + target.token(),
        key -> {
          final ScimResponse response = http.get("/ServiceProviderConfig");
          return new ServiceProviderConfig(
              response.status() == 200 && response.json() != null
                  ? response.json()
                  : com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        });
  }

  /** Skips the calling check unless the ServiceProviderConfig advertises the feature. */
  public void require(final Feature feature) {
    Assumptions.assumeTrue(
        config().supports(feature),
        () ->
            "ServiceProviderConfig does not advertise "
                + feature.pointer().substring(1).replace('/', '.')
                + " = true");
  }

  /** Skips the calling check unless an installation URL and operator token are configured. */
  public ScimHttp installation() {
    Assumptions.assumeTrue(
        target.hasInstallation(),
        "no installation URL and operator token configured (--installation-url,"
            + " --operator-token)");
    return new ScimHttp(target.installationUrl(), target.operatorToken());
  }

  /** A short random token, lower case, for names that must not collide between runs. */
  public static String random() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** {@code hint-<random>}. */
  public String unique(final String hint) {
    return hint + "-" + random();
  }

  /** {@code hint-<random>@<userDomain>}: a userName no other check uses. */
  public String userName(final String hint) {
    return unique(hint) + "@" + target.userDomain();
  }

  /** A minimal, valid User body. */
  public static String userJson(final String userName) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
          "userName": "%s",
          "name": {"givenName": "Conf", "familyName": "Ormance"},
          "displayName": "Conf Ormance"
        }
        """
        .formatted(userName);
  }

  /** A minimal, valid Group body. */
  public static String groupJson(final String displayName) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "displayName": "%s"
        }
        """
        .formatted(displayName);
  }

  /** POSTs a User, asserts 201, deletes it after the check; returns the created resource. */
  public JsonNode createUser(final String body) {
    return create("/Users", body);
  }

  /** Creates a minimal user named {@link #userName(String)}. */
  public JsonNode createUser() {
    return createUser(userJson(userName("user")));
  }

  /** POSTs a Group, asserts 201, deletes it after the check; returns the created resource. */
  public JsonNode createGroup(final String body) {
    return create("/Groups", body);
  }

  public JsonNode createGroup() {
    return createGroup(groupJson(unique("group")));
  }

  /** POSTs to an endpoint, asserts 201, and deletes {@code endpoint/id} after the check. */
  public JsonNode create(final String endpoint, final String body) {
    final ScimResponse response = http.post(endpoint, body);
    response.text("/id").ifPresent(id -> deleteLater(endpoint + "/" + id));
    return assertThat(response).status(201).json();
  }

  /** Deletes {@code path} with the target's token when the check ends. */
  public void deleteLater(final String path) {
    deleteLater(http, path);
  }

  public void deleteLater(final ScimHttp client, final String path) {
    onClose(() -> client.delete(path));
  }

  /** Runs {@code cleanup} when the check ends (best effort, after later-registered ones). */
  public void onClose(final Runnable cleanup) {
    cleanups.push(cleanup);
  }

  @Override
  public void close() {
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().run();
      } catch (final RuntimeException e) {
        // Best effort: a server that is gone must not turn a result into a second failure.
      }
    }
  }
}
