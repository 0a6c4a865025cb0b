package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the SCIM exceptions that services throw to SCIM error responses; 4xx logged at debug. */
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {
  private static final Logger log = LoggerFactory.getLogger(ScimExceptionMapper.class);

  @Override
  public Response toResponse(ScimException e) {
    int status = e.getScimError().getStatus();
    if (status == 503) {
      // Deliberate (e.g. lock conflicts outlasted the retries): the client may simply retry.
      log.warn("503: {}", e.getScimError().getDetail());
      return Response.fromResponse(ScimErrors.response(e)).header("Retry-After", "1").build();
    }
    if (status >= 500) {
      return InternalErrors.response(e);
    }
    log.debug("{} {}: {}", status, e.getScimError().getScimType(), e.getScimError().getDetail());
    return ScimErrors.response(e);
  }
}
