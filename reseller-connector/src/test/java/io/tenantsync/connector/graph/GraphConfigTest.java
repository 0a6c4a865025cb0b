package io.tenantsync.connector.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphConfigTest {

  @Test
  void trailingSlashOfBaseUrlIsDropped() {
    GraphConfig c = GraphConfig.of(URI.create("http://127.0.0.1:8080/sandbox/t1/v1.0/"));
    assertEquals(URI.create("http://127.0.0.1:8080/sandbox/t1/v1.0"), c.baseUrl());
  }

  @Test
  void rejectsWhatCannotWork() {
    assertThrows(
        IllegalArgumentException.class, () -> GraphConfig.of(URI.create("ftp://example.com")));
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphConfig.of(URI.create("https://graph.microsoft.com/v1.0?x=1")));
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphConfig.of(GraphConfig.GLOBAL_GRAPH).withPageSize(1000));
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphConfig.of(GraphConfig.GLOBAL_GRAPH).withRequestTimeout(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GraphConfig.Retry(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new GraphConfig.Retry(
                3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GraphConfig.Retry(3, Duration.ZERO, Duration.ZERO, 1.5, Duration.ZERO));
  }
}
