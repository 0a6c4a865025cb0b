package io.tenantsync.connector.graph;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the Graph tests: a loopback WireMock per test class (reset before each test) standing in
 * for {@code /v1.0}, a sleeper that records waits instead of sleeping, and a settable clock.
 */
abstract class WireMockGraphTest {

  static final String TOKEN = "test-access-token";

  static WireMockServer wm;

  final RecordingSleeper sleeper = new RecordingSleeper();
  final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T10:00:00Z"));

  @BeforeAll
  static void startWireMock() {
    wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
  }

  @AfterAll
  static void stopWireMock() {
    wm.stop();
  }

  @BeforeEach
  void resetWireMock() {
    wm.resetAll();
  }

  static String origin() {
    return "http://127.0.0.1:" + wm.port();
  }

  static String base() {
    return origin() + "/v1.0";
  }

  /** Five attempts, 100 ms doubling to 1 s, no jitter, 2 s per attempt. */
  GraphConfig config() {
    return GraphConfig.of(URI.create(base()))
        .withRetry(
            new GraphConfig.Retry(
                5, Duration.ofMillis(100), Duration.ofSeconds(1), 0.0, Duration.ofMinutes(2)))
        .withRequestTimeout(Duration.ofSeconds(2));
  }

  GraphClient client(GraphConfig config, AccessTokenProvider tokens) {
    return new GraphClient(config, tokens, GraphHttp.newClient(config), sleeper, clock, () -> 0.5);
  }

  GraphTenantDirectory directory(GraphConfig config) {
    return new GraphTenantDirectory(client(config, new StaticTokenProvider(TOKEN)));
  }

  GraphTenantDirectory directory() {
    return directory(config());
  }

  /** A Graph user as JSON, with the fields of {@code $select}. */
  static String userJson(String id, String upn, boolean enabled, String... skuIds) {
    StringBuilder licenses = new StringBuilder();
    for (String sku : skuIds) {
      licenses.append(licenses.length() == 0 ? "" : ",");
      licenses.append("{\"skuId\":\"").append(sku).append("\",\"disabledPlans\":[]}");
    }
    return """
        {"id":"%s","userPrincipalName":"%s","displayName":"Display %s","givenName":null,
         "surname":null,"mail":null,"mailNickname":"nick","accountEnabled":%s,
         "usageLocation":"DE","onPremisesSyncEnabled":null,"assignedLicenses":[%s],
         "otherMails":[],"jobTitle":null,"department":null}"""
        .formatted(id, upn, id, enabled, licenses);
  }

  /** Records every requested wait; never sleeps. Thread-safe. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  /** A clock tests move by hand. Thread-safe. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
