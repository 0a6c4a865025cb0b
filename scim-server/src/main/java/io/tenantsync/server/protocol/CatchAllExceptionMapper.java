package io.tenantsync.server.protocol;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Anything not mapped more precisely: 500 with an id, never the exception's text. */
public final class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
  @Override
  public Response toResponse(Throwable e) {
    return InternalErrors.response(e);
  }
}
