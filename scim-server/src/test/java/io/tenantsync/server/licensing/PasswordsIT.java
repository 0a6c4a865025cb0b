package io.tenantsync.server.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * R9 / API.md rule 13: a password is write-only. Through every way one can be sent — POST, PUT,
 * PATCH, Bulk, CSV, refused requests, malformed bodies — and its way to the tenant (the outbox and
 * the connector), it appears in no response, no log line (TenantSync's own loggers at TRACE, the
 * libraries at their configured levels) and no stored user row.
 */
class PasswordsIT {
  @RegisterExtension static final TestServer server = TestServer.shared();

  final String secret = "Pw-" + UUID.randomUUID().toString().replace("-", "");
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final List<Http.Reply> replies = new ArrayList<>();
  Logger ours;
  Level oursBefore;
  Http op;
  Tenant tenant;

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    ours = (Logger) LoggerFactory.getLogger("io.tenantsync");
    oursBefore = ours.getLevel();
    ours.setLevel(Level.TRACE);
    op = server.operator();
    tenant = server.fixtures().tenant();
  }

  @AfterEach
  void stopCapturing() {
    ours.setLevel(oursBefore);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    logs.stop();
  }

  Http.Reply keep(Http.Reply reply) {
    replies.add(reply);
    return reply;
  }

  @Test
  void aPasswordAppearsInNoResponseNoLogAndNoUserRow() throws Exception {
    String users = tenant.users();
    String ann =
        keep(op.post(
                users,
                "{\"userName\":\"ann@" + tenant.domain() + "\",\"password\":\"" + secret + "\"}"))
            .expect(201)
            .id();
    keep(op.patch(
            users + "/" + ann,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\""
                + secret
                + "2\"}]}"))
        .expect(200);
    keep(op.put(
            users + "/" + ann,
            "{\"userName\":\"ann@" + tenant.domain() + "\",\"password\":\"" + secret + "3\"}"))
        .expect(200);
    // Refused requests carrying a password: unknown domain, wrong type, too long, malformed JSON.
    keep(op.post(users, "{\"userName\":\"x@nowhere.example\",\"password\":\"" + secret + "\"}"))
        .expectError(400, "invalidValue");
    keep(op.patch(
            users + "/" + ann,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":[\""
                + secret
                + "\"]}]}"))
        .expectError(400, "invalidValue");
    keep(op.patch(
            users + "/" + ann,
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\""
                + secret.repeat(10)
                + "\"}]}"))
        .expectError(400, "invalidValue");
    keep(op.post(users, "{\"userName\":\"y@" + tenant.domain() + "\",\"password\":\"" + secret))
        .expectError(400, "invalidSyntax");
    // Limited administration may not set an admin's password: 403.
    String admin =
        keep(op.post(
                users,
                "{\"userName\":\"boss@"
                    + tenant.domain()
                    + "\",\"roles\":[{\"value\":\"GlobalAdministrator\"}],"
                    + "\"urn:tenantsync:scim:schemas:extension:reseller:2.0:User\":"
                    + "{\"alternateEmail\":\"boss@example.org\"}}"))
            .expect(201)
            .id();
    keep(limitedReseller()
            .patch(
                users + "/" + admin,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\""
                    + secret
                    + "\"}]}"))
        .expectError(403, null);
    // Bulk: a create and a change that succeed, and a create that fails.
    keep(op.post(
            "tenants/" + tenant.id() + "/Bulk",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
             {"method":"POST","path":"/Users","bulkId":"b1",
              "data":{"userName":"bea@%1$s","password":"%2$s"}},
             {"method":"PATCH","path":"/Users/%3$s",
              "data":{"Operations":[{"op":"replace","path":"password","value":"%2$s4"}]}},
             {"method":"POST","path":"/Users","bulkId":"b2",
              "data":{"userName":"bad@nowhere.example","password":"%2$s"}}]}"""
                .formatted(tenant.domain(), secret, ann)))
        .expect(200);
    // CSV: the template has no password column; one sent anyway is ignored, not echoed.
    keep(op.send(
            "POST",
            users + "/.import",
            "User Name,Password\ncarl@" + tenant.domain() + "," + secret + "\n",
            Map.of("Content-Type", "text/csv")))
        .expect(200);

    awaitOutboxDrained();
    for (Http.Reply reply : replies) {
      assertFalse(reply.body().contains(secret), "response carries the password: " + reply);
    }
    assertTrue(
        logs.list.stream()
            .anyMatch(
                e ->
                    e.getLevel() == Level.DEBUG
                        && e.getLoggerName().endsWith("ScimExceptionMapper")),
        "the capture must see TenantSync's debug lines (the refused requests')");
    for (ILoggingEvent event : logs.list) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertFalse(text.contains(secret), "logged: " + event.getLoggerName() + " " + text);
    }
    assertEquals(0, rowsContaining("select count(*) from scim_user where attributes like ?"));
    assertEquals(0, rowsContaining("select count(*) from outbox where payload like ?"));
  }

  long rowsContaining(String sql) throws Exception {
    try (Connection c = server.database.connect();
        var s = c.prepareStatement(sql)) {
      s.setString(1, "%" + secret + "%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  void awaitOutboxDrained() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try (Connection c = server.database.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from outbox where status = 'pending'")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("outbox not drained");
  }

  Http limitedReseller() {
    return server.fixtures().delegatedReseller(tenant, "LimitedAdministration");
  }
}
