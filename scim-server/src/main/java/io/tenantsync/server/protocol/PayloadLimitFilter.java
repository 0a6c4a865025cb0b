package io.tenantsync.server.protocol;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over their limit ({@link RequestLimits#maxBodyBytes}: 1 MiB, 4 MiB for the
 * CSV import) with 413 and a SCIM error, whether the size is declared in {@code Content-Length} or
 * only discovered while reading a chunked body.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class PayloadLimitFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    int limit = RequestLimits.maxBodyBytes(request.getUriInfo().getPath());
    int declared = request.getLength();
    if (declared > limit) {
      request.abortWith(tooLarge(limit));
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }
  }

  static Response tooLarge(long limit) {
    return ScimErrors.response(
        413, null, "request body exceeds the limit of " + limit + " bytes for this endpoint");
  }

  /** Counts bytes as they are read and fails once the limit is passed. */
  private static final class LimitedStream extends FilterInputStream {
    private final int limit;
    private long remaining;

    LimitedStream(InputStream in, int limit) {
      super(in);
      this.limit = limit;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      remaining -= n;
      if (remaining < 0) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }

  /** Thrown from inside entity reading; mapped to 413 by {@link PayloadTooLargeMapper}. */
  public static final class PayloadTooLargeException extends RuntimeException {
    private final int limit;

    PayloadTooLargeException(int limit) {
      super("payload too large", null, false, false);
      this.limit = limit;
    }
  }

  /** Maps {@link PayloadTooLargeException} to 413. */
  public static final class PayloadTooLargeMapper
      implements jakarta.ws.rs.ext.ExceptionMapper<PayloadTooLargeException> {
    @Override
    public Response toResponse(PayloadTooLargeException e) {
      return tooLarge(e.limit);
    }
  }
}
