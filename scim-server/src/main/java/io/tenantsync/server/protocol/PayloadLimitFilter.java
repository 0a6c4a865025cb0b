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
 * Refuses request bodies over {@link RequestLimits#MAX_PAYLOAD_BYTES} with 413, whether the size is
 * declared in {@code Content-Length} or only discovered while reading a chunked body.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class PayloadLimitFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    int declared = request.getLength();
    if (declared > RequestLimits.MAX_PAYLOAD_BYTES) {
      request.abortWith(tooLarge());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }
  }

  static Response tooLarge() {
    return ScimErrors.response(
        413,
        null,
        "request body exceeds the limit of " + RequestLimits.MAX_PAYLOAD_BYTES + " bytes");
  }

  /** Counts bytes as they are read and fails once the limit is passed. */
  private static final class LimitedStream extends FilterInputStream {
    private long remaining = RequestLimits.MAX_PAYLOAD_BYTES;

    LimitedStream(InputStream in) {
      super(in);
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
        throw new PayloadTooLargeException();
      }
    }
  }

  /** Thrown from inside entity reading; mapped to 413 by {@link PayloadTooLargeMapper}. */
  public static final class PayloadTooLargeException extends RuntimeException {
    PayloadTooLargeException() {
      super("payload too large", null, false, false);
    }
  }

  /** Maps {@link PayloadTooLargeException} to 413. */
  public static final class PayloadTooLargeMapper
      implements jakarta.ws.rs.ext.ExceptionMapper<PayloadTooLargeException> {
    @Override
    public Response toResponse(PayloadTooLargeException e) {
      return tooLarge();
    }
  }
}
