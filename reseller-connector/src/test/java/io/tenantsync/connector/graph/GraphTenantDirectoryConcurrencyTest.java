package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GraphTenantDirectoryConcurrencyTest extends WireMockGraphTest {

  @Test
  void oneSharedDirectoryServesConcurrentCallersWithOneToken() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                okJson("{\"expires_in\":3600,\"access_token\":\"t\"}").withFixedDelay(100)));
    wm.stubFor(
        get(urlPathMatching("/v1.0/users/u[0-9]+"))
            .willReturn(okJson(userJson("u", "u@c.com", true))));
    ClientCredentialsTokenProvider tokens =
        new ClientCredentialsTokenProvider(
            new ClientCredentials(
                URI.create(origin() + "/token"), "c", "s", ClientCredentials.GRAPH_DEFAULT_SCOPE),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(2),
            clock);
    GraphTenantDirectory directory = new GraphTenantDirectory(client(config(), tokens));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String id = "u" + i;
        calls.add(() -> directory.findUser(id).isPresent());
      }
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        assertEquals(true, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
  }
}
