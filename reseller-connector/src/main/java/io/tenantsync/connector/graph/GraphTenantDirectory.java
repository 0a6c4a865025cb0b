package io.tenantsync.connector.graph;

import static io.tenantsync.connector.graph.GraphClient.segment;

import io.tenantsync.connector.DeltaResult;
import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserDraft;
import io.tenantsync.connector.LicenseGrant;
import io.tenantsync.connector.SubscribedSku;
import io.tenantsync.connector.TenantDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TenantDirectory} over Microsoft Graph v1.0 — a real tenant or the server's sandbox.
 *
 * <p>Every operation is safe to retry, within the call (see {@link GraphRetry}) and by the caller:
 *
 * <ul>
 *   <li>create: a retry first looks the account up by UPN ({@code GET /users/{upn}}) and returns it
 *       if an earlier attempt created it; a UPN conflict on a retry is resolved the same way;
 *   <li>assignLicenses: a retry re-reads the account and removes only licenses it still holds, and
 *       skips the call if the additions are already in place;
 *   <li>delete: a 404 on a retry means an earlier attempt succeeded;
 *   <li>restore: a retry first checks whether the account is already back;
 *   <li>update: PATCH sets values, so repeating it is harmless.
 * </ul>
 *
 * <p>Reads ask for the fields of {@link DirectoryUser} with {@code $select}. Thread-safe: holds no
 * mutable state; share one instance per tenant.
 */
public final class GraphTenantDirectory implements TenantDirectory {

  private static final Logger log = LoggerFactory.getLogger(GraphTenantDirectory.class);

  private final GraphClient client;

  /** A directory with its own HTTP client; prefer sharing one via the other constructor. */
  public GraphTenantDirectory(GraphConfig config, AccessTokenProvider tokens) {
    this(config, tokens, GraphHttp.newClient(config));
  }

  /** A directory on a shared HTTP client (see {@link GraphHttp#newClient}). */
  public GraphTenantDirectory(GraphConfig config, AccessTokenProvider tokens, HttpClient http) {
    this(
        new GraphClient(
            config,
            tokens,
            http,
            Sleeper.system(),
            Clock.systemUTC(),
            () -> ThreadLocalRandom.current().nextDouble()));
  }

  GraphTenantDirectory(GraphClient client) {
    this.client = client;
  }

  @Override
  public DirectoryUser createUser(DirectoryUserDraft draft) {
    URI uri = client.url("/users");
    String request = GraphClient.describe("POST", uri);
    // One password for every attempt, so a retry that does reach Graph sets the same one.
    GraphUserCreate body = GraphMapper.toCreate(draft, RandomPasswords.generate());
    return client.withRetry(
        request,
        attempt -> {
          if (attempt > 1) {
            Optional<DirectoryUser> existing = readOnce(userUrl(draft.userPrincipalName()));
            if (existing.isPresent()) {
              log.info(
                  "{} retried: account {} was created by an earlier attempt",
                  request,
                  existing.get().id());
              return existing.get();
            }
          }
          try {
            GraphUser echoed =
                GraphJson.read(client.send("POST", uri, body), GraphJson.type(GraphUser.class));
            return GraphMapper.created(echoed, draft, request);
          } catch (DirectoryException e) {
            if (attempt > 1 && e.kind() == Kind.CONFLICT) {
              // An earlier attempt probably created it but it is not readable yet: look again.
              throw new DirectoryException(
                  Kind.CONFLICT,
                  e.httpStatus(),
                  e.code().orElse(null),
                  e.getMessage() + " (after an ambiguous earlier attempt)",
                  true,
                  null,
                  e);
            }
            throw e;
          }
        });
  }

  @Override
  public Optional<DirectoryUser> findUser(String objectId) {
    URI uri = userUrl(objectId);
    return client.withRetry(GraphClient.describe("GET", uri), attempt -> readOnce(uri));
  }

  @Override
  public Optional<DirectoryUser> findUserByPrincipalName(String userPrincipalName) {
    if (userPrincipalName.indexOf('@') < 1) {
      throw new IllegalArgumentException("not a user principal name: " + userPrincipalName);
    }
    return findUser(userPrincipalName);
  }

  @Override
  public DirectoryUser updateUser(String objectId, DirectoryUserChanges changes) {
    if (!changes.isEmpty()) {
      URI uri = client.url("/users/" + segment(objectId));
      Object body = GraphMapper.toPatch(changes);
      client.withRetry(
          GraphClient.describe("PATCH", uri), attempt -> client.send("PATCH", uri, body));
    }
    return findUser(objectId).orElseThrow(() -> notReadable(objectId, "update", false));
  }

  @Override
  public void assignLicenses(String objectId, List<LicenseGrant> add, Set<UUID> removeSkuIds) {
    if (add.isEmpty() && removeSkuIds.isEmpty()) {
      return;
    }
    URI uri = client.url("/users/" + segment(objectId) + "/assignLicense");
    client.withRetry(
        GraphClient.describe("POST", uri),
        attempt -> {
          Set<UUID> remove = removeSkuIds;
          if (attempt > 1) {
            DirectoryUser current =
                readOnce(userUrl(objectId))
                    .orElseThrow(() -> notReadable(objectId, "assignLicense", false));
            remove = new HashSet<>(removeSkuIds);
            remove.retainAll(current.licensedSkuIds());
            if (remove.isEmpty() && alreadyAssigned(current, add)) {
              return null;
            }
          }
          client.send("POST", uri, GraphMapper.toAssign(add, remove));
          return null;
        });
  }

  private static boolean alreadyAssigned(DirectoryUser user, List<LicenseGrant> add) {
    return add.stream()
        .allMatch(
            g ->
                user.assignedLicenses().stream()
                    .anyMatch(
                        l ->
                            l.skuId().equals(g.skuId())
                                && Set.copyOf(l.disabledPlans())
                                    .equals(Set.copyOf(g.disabledPlans()))));
  }

  @Override
  public void deleteUser(String objectId) {
    URI uri = userUrl(objectId);
    String request = GraphClient.describe("DELETE", uri);
    client.withRetry(
        request,
        attempt -> {
          try {
            client.send("DELETE", uri, null);
          } catch (DirectoryException e) {
            if (attempt == 1 || e.kind() != Kind.NOT_FOUND) {
              throw e;
            }
            log.info("{} retried: the account was deleted by an earlier attempt", request);
          }
          return null;
        });
  }

  @Override
  public DirectoryUser restoreUser(String objectId) {
    URI uri = client.url("/directory/deletedItems/" + segment(objectId) + "/restore");
    client.withRetry(
        GraphClient.describe("POST", uri),
        attempt -> {
          if (attempt > 1 && readOnce(userUrl(objectId)).isPresent()) {
            return null;
          }
          client.send("POST", uri, null);
          return null;
        });
    return findUser(objectId).orElseThrow(() -> notReadable(objectId, "restore", true));
  }

  @Override
  public List<SubscribedSku> subscribedSkus() {
    URI uri = client.url("/subscribedSkus");
    String request = GraphClient.describe("GET", uri);
    List<SubscribedSku> skus = new ArrayList<>();
    client.forEachPage(uri, GraphSubscribedSku.class, s -> skus.add(GraphMapper.toSku(s, request)));
    return List.copyOf(skus);
  }

  @Override
  public void listUsers(Consumer<DirectoryUser> sink) {
    streamUsers("/users", sink);
  }

  @Override
  public void listDeletedUsers(Consumer<DirectoryUser> sink) {
    streamUsers("/directory/deletedItems/microsoft.graph.user", sink);
  }

  private void streamUsers(String path, Consumer<DirectoryUser> sink) {
    URI uri =
        client.url(
            path, "$select", GraphUser.SELECT, "$top", String.valueOf(client.config().pageSize()));
    String request = GraphClient.describe("GET", uri);
    client.forEachPage(uri, GraphUser.class, u -> sink.accept(GraphMapper.toUser(u, request)));
  }

  @Override
  public DeltaResult delta(@Nullable String deltaLink, Consumer<DirectoryChange> sink) {
    return new GraphDelta(client, this::findUser).round(deltaLink, sink);
  }

  /** One GET of a user, 404 as empty; not retried on its own. */
  private Optional<DirectoryUser> readOnce(URI uri) {
    String request = GraphClient.describe("GET", uri);
    try {
      GraphUser user =
          GraphJson.read(client.send("GET", uri, null), GraphJson.type(GraphUser.class));
      return Optional.of(GraphMapper.toUser(user, request));
    } catch (DirectoryException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private URI userUrl(String idOrPrincipalName) {
    return client.url("/users/" + segment(idOrPrincipalName), "$select", GraphUser.SELECT);
  }

  private static DirectoryException notReadable(String objectId, String after, boolean retryable) {
    return new DirectoryException(
        Kind.NOT_FOUND,
        404,
        null,
        "account " + objectId + " not readable after " + after,
        retryable,
        null,
        null);
  }
}
