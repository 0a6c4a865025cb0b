package io.tenantsync.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Lets {@code /healthz} and {@code /readyz} past the {@link GracefulHandler}: once the stop has
 * begun it refuses every new request with a bare 503, but a load balancer polling on an open
 * connection should read the application's own answer ({@code "status":"draining"}) until the
 * in-flight requests are done. Everything else goes through the graceful handler and is counted as
 * in flight. Stateless and thread-safe.
 */
final class ProbesPastDrain extends Handler.Wrapper {
  private final Handler application;

  ProbesPastDrain(GracefulHandler graceful, Handler application) {
    super(graceful);
    this.application = application;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (path.equals("/healthz") || path.equals("/readyz")) {
      return application.handle(request, response, callback);
    }
    return super.handle(request, response, callback);
  }
}
