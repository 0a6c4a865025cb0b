package io.tenantsync.connector.graph;

import io.tenantsync.connector.DeltaExpiredException;
import io.tenantsync.connector.DeltaResult;
import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryException.Kind;
import io.tenantsync.connector.DirectoryUser;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delta round over {@code GET /users/delta}: pages via {@code @odata.nextLink} until the page
 * that carries {@code @odata.deltaLink}, each entry streamed as a {@link DirectoryChange}.
 *
 * <ul>
 *   <li>{@code {"id":"…","@removed":{"reason":"changed"|"deleted"}}} becomes {@link
 *       DirectoryChange.Removed};
 *   <li>an updated account that arrives with only its changed properties is read in full (if it
 *       vanished meanwhile it is skipped: the next round reports its removal);
 *   <li>HTTP 410 becomes {@link DeltaExpiredException}; a round without a delta link is malformed.
 * </ul>
 *
 * <p>Stateless apart from its collaborators; thread-safe.
 */
final class GraphDelta {

  private static final Logger log = LoggerFactory.getLogger(GraphDelta.class);

  private final GraphClient client;
  private final Function<String, Optional<DirectoryUser>> readUser;

  GraphDelta(GraphClient client, Function<String, Optional<DirectoryUser>> readUser) {
    this.client = client;
    this.readUser = readUser;
  }

  DeltaResult round(@Nullable String deltaLink, Consumer<DirectoryChange> sink) {
    URI first =
        deltaLink == null
            ? client.url("/users/delta", "$select", GraphUser.SELECT)
            : client.followLink(deltaLink);
    String request = GraphClient.describe("GET", first);
    AtomicLong changes = new AtomicLong();
    String next;
    try {
      next =
          client.forEachPage(
              first,
              GraphUser.class,
              u ->
                  toChange(u, request)
                      .ifPresent(
                          c -> {
                            sink.accept(c);
                            changes.incrementAndGet();
                          }));
    } catch (DirectoryException e) {
      if (e.kind() == Kind.GONE) {
        throw new DeltaExpiredException(e);
      }
      throw e;
    }
    if (next == null) {
      throw GraphErrors.malformed(
          request, 200, "delta round ended without @odata.deltaLink", false, null);
    }
    return new DeltaResult(next, changes.get());
  }

  private Optional<DirectoryChange> toChange(GraphUser u, String request) {
    if (u.removed() != null) {
      return Optional.of(GraphMapper.toRemoved(u, request));
    }
    if (GraphMapper.isComplete(u)) {
      return Optional.of(new DirectoryChange.Upserted(GraphMapper.toUser(u, request)));
    }
    if (u.id() == null) {
      throw GraphErrors.malformed(request, 200, "delta entry without id", false, null);
    }
    Optional<DirectoryUser> full = readUser.apply(u.id());
    if (full.isEmpty()) {
      log.debug("{}: partial entry {} is gone; the next round reports it", request, u.id());
    }
    return full.map(DirectoryChange.Upserted::new);
  }
}
