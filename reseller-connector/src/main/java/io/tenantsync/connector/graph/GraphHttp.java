package io.tenantsync.connector.graph;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one HTTP request and waits for the whole response (headers and body) within a deadline,
 * turning every transport failure into a {@link io.tenantsync.connector.DirectoryException}. Does
 * not classify HTTP statuses. Stateless and thread-safe.
 */
public final class GraphHttp {

  private GraphHttp() {}

  /**
   * A client suited to Graph: connect timeout, redirects never followed (a bearer token must not
   * travel to another host), HTTP/2 over TLS, HTTP/1.1 in clear text (the sandbox, tests). Create
   * one per process and share it between directories: each client owns a selector thread.
   */
  public static HttpClient newClient(GraphConfig config) {
    boolean tls = "https".equalsIgnoreCase(config.baseUrl().getScheme());
    return HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
  }

  static GraphResponse send(
      HttpClient http, HttpRequest request, Duration timeout, String description) {
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new GraphResponse(
          description, response.statusCode(), response.headers(), response.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw GraphErrors.timeout(description, timeout, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw GraphErrors.interrupted(description, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw GraphErrors.timeout(description, timeout, cause);
      }
      if (cause instanceof IOException io) {
        throw GraphErrors.transport(description, io);
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(description + " failed", cause);
    }
  }
}
