package io.tenantsync.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one request helper of the integration tests: raw JSON text in, {@link Reply} out, as one
 * principal (or none). Paths are relative to {@code /scim/v2/} unless they start with a slash.
 */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final @Nullable String token;

  Http(URI base, @Nullable String token) {
    this.base = base;
    this.token = token;
  }

  public Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Reply get(String path, Map<String, String> headers) {
    return send("GET", path, null, headers);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, Map.of());
  }

  public Reply put(String path, String json, Map<String, String> headers) {
    return send("PUT", path, json, headers);
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json, Map.of());
  }

  public Reply patch(String path, String json, Map<String, String> headers) {
    return send("PATCH", path, json, headers);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  public Reply delete(String path, Map<String, String> headers) {
    return send("DELETE", path, null, headers);
  }

  /** Sends anything: {@code headers} may set Content-Type and others. */
  public Reply send(
      String method, String path, @Nullable String body, Map<String, String> headers) {
    URI uri = base.resolve(path.startsWith("/") ? path : "/scim/v2/" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/scim+json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(method, uri, body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One response, with the request it answers for failure messages. */
  public static final class Reply {
    private final String method;
    private final URI uri;
    private final @Nullable String requestBody;
    private final HttpResponse<String> response;
    private @Nullable JsonNode json;

    Reply(String method, URI uri, @Nullable String requestBody, HttpResponse<String> response) {
      this.method = method;
      this.uri = uri;
      this.requestBody = requestBody;
      this.response = response;
    }

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public @Nullable String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      if (json == null) {
        try {
          json = JSON.readTree(response.body());
        } catch (IOException e) {
          throw new AssertionError("response is not JSON:\n" + this, e);
        }
      }
      return json;
    }

    /** Asserts the status, showing the whole exchange if it differs. */
    public Reply expect(int status) {
      if (status() != status) {
        throw new AssertionError("expected HTTP " + status + " but got:\n" + this);
      }
      return this;
    }

    /** Asserts a SCIM error with this status and scimType (null: none expected). */
    public Reply expectError(int status, @Nullable String scimType) {
      expect(status);
      JsonNode error = json();
      String message = "\n" + this;
      if (!error
          .path("schemas")
          .toString()
          .contains("urn:ietf:params:scim:api:messages:2.0:Error")) {
        throw new AssertionError("not a SCIM error" + message);
      }
      if (!String.valueOf(status).equals(error.path("status").asText())) {
        throw new AssertionError("error status differs" + message);
      }
      String actual = error.hasNonNull("scimType") ? error.get("scimType").asText() : null;
      if (scimType == null ? actual != null : !scimType.equals(actual)) {
        throw new AssertionError("expected scimType " + scimType + message);
      }
      if (!error.hasNonNull("detail") || error.get("detail").asText().isBlank()) {
        throw new AssertionError("error without detail" + message);
      }
      return this;
    }

    public String id() {
      return json().path("id").asText();
    }

    @Override
    public String toString() {
      return method
          + " "
          + uri
          + (requestBody == null ? "" : "\n" + requestBody)
          + "\n→ "
          + response.statusCode()
          + " "
          + response.headers().map()
          + "\n"
          + response.body();
    }
  }
}
