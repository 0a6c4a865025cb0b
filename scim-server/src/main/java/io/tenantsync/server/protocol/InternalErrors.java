package io.tenantsync.server.protocol;

import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an unexpected failure becomes a response: the client sees only an id, the log has
 * the stack under that id. Nothing of the exception's text reaches the client.
 */
public final class InternalErrors {
  private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);

  private InternalErrors() {}

  public static Response response(Throwable e) {
    String id = UUID.randomUUID().toString();
    log.error("internal error id={}", id, e);
    return ScimErrors.response(500, null, "internal error, id=" + id);
  }
}
