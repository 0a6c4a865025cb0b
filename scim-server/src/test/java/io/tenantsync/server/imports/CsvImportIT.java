package io.tenantsync.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** R21: many users from one Microsoft 365 bulk-add CSV, a result per line. */
class CsvImportIT {
  @RegisterExtension static final TestServer server = TestServer.shared();
  static final String EXT = "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";

  static String csv(Tenant tenant) {
    return """
        \uFEFFUser Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region,Shoe Size
        chris@%1$s,Chris,Green,Chris Green,IT Manager,Information Technology,123451,123-555-1211,123-555-6641,123-555-9821,chris@example.com,1 Microsoft way,Redmond,Wa,98052,United States,44
        ,Ben,Andrews,Ben Andrews,IT Manager,Information Technology,123452,,,,,,,,,United States,42
        david@%1$s,David,Longmuir,"Longmuir, David",IT Manager,Information Technology,123453,,,,,,,,,NL,43
        cynthia@elsewhere.com,Cynthia,Carey,,,,,,,,,,,,,Germany,38
        melissa@%1$s,Melissa,MacBeth,,,,,,,,,,,,,Atlantis,39
        chris@%1$s,Chris,Again,,,,,,,,,,,,,United States,44
        """
        .formatted(tenant.domain());
  }

  @Test
  void validLinesAreAppliedAndInvalidOnesReportedWithTheirLineNumber() {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    op.post(
            "tenants/" + tenant.id() + "/Products",
            "{\"skuPartNumber\":\"O365_BUSINESS_ESSENTIALS\",\"prepaidUnits\":{\"enabled\":10}}")
        .expect(201);
    JsonNode result =
        op.send(
                "POST",
                tenant.users() + "/.import?entitlements=O365_BUSINESS_ESSENTIALS",
                csv(tenant),
                Map.of("Content-Type", "text/csv"))
            .expect(200)
            .json();
    assertEquals(2, result.path("created").asInt(), result.toString());
    assertEquals(4, result.path("failed").asInt());
    assertEquals("Shoe Size", result.path("ignoredColumns").get(0).asText());
    JsonNode lines = result.path("lines");
    assertEquals(2, lines.get(0).path("line").asInt());
    assertEquals("201", lines.get(0).path("status").asText());
    assertEquals("400", lines.get(1).path("status").asText());
    assertEquals(3, lines.get(1).path("line").asInt());
    assertEquals("201", lines.get(2).path("status").asText());
    assertEquals("invalidValue", lines.get(3).path("scimType").asText());
    assertTrue(lines.get(4).path("detail").asText().contains("Atlantis"));
    assertEquals("409", lines.get(5).path("status").asText());

    JsonNode chris =
        op.get(tenant.users() + "/" + lines.get(0).path("id").asText()).expect(200).json();
    assertEquals("Chris Green", chris.path("displayName").asText());
    assertEquals("US", chris.path(EXT).path("usageLocation").asText());
    assertEquals("chris@example.com", chris.path(EXT).path("alternateEmail").asText());
    assertEquals("123451", chris.path(EXT).path("officeLocation").asText());
    assertEquals("Redmond", chris.path("addresses").get(0).path("locality").asText());
    assertEquals(3, chris.path("phoneNumbers").size());
    assertEquals(
        "O365_BUSINESS_ESSENTIALS", chris.path("entitlements").get(0).path("value").asText());
    assertEquals(
        "Longmuir, David",
        op.get(tenant.users() + "/" + lines.get(2).path("id").asText())
            .json()
            .path("displayName")
            .asText());
  }

  @Test
  void aFileWithoutUserNamesOrNotCsvIsRefusedWhole() {
    Http op = server.operator();
    Tenant tenant = server.fixtures().tenant();
    op.send(
            "POST",
            tenant.users() + "/.import",
            "Name,Email\nx,y\n",
            Map.of("Content-Type", "text/csv"))
        .expectError(400, "invalidValue");
    op.send(
            "POST",
            tenant.users() + "/.import",
            "User Name\n\"unterminated\n",
            Map.of("Content-Type", "text/csv"))
        .expectError(400, "invalidSyntax");
    assertEquals(0, op.get(tenant.users()).json().path("totalResults").asInt());
  }

  Http.Reply importCsv(Tenant tenant, String body) {
    return server
        .operator()
        .send("POST", tenant.users() + "/.import", body, Map.of("Content-Type", "text/csv"));
  }

  @Test
  void everyLineIsCheckedFirstAndEveryInvalidOneReported() {
    Tenant tenant = server.fixtures().tenant();
    String d = tenant.domain();
    JsonNode result =
        importCsv(
                tenant,
                "User Name,First Name,Country or Region\n"
                    + ("amy@" + d + ",Amy,France\n")
                    + "no-at-sign,Bob,France\n"
                    + ",Carl,France\n"
                    + ("dan@" + d + ",Dan,Narnia\n")
                    + ("AMY@" + d + ",Amy again,France\n")
                    + ("eve@" + d + ",Eve,DE\n"))
            .expect(200)
            .json();
    assertEquals(2, result.path("created").asInt(), result.toString());
    assertEquals(4, result.path("failed").asInt(), result.toString());
    JsonNode lines = result.path("lines");
    assertEquals(6, lines.size());
    String[][] expected = {
      {"2", "201", null, null},
      {"3", "400", "invalidValue", "User Name 'no-at-sign' is not local@domain"},
      {"4", "400", "invalidValue", "User Name is empty"},
      {"5", "400", "invalidValue", "Country or Region 'Narnia' is not a country name or ISO code"},
      {"6", "409", "uniqueness", "User Name AMY@" + d + " is already on line 2 of the file"},
      {"7", "201", null, null}
    };
    for (int i = 0; i < expected.length; i++) {
      JsonNode line = lines.get(i);
      assertEquals(expected[i][0], line.path("line").asText(), line.toString());
      assertEquals(expected[i][1], line.path("status").asText(), line.toString());
      if (expected[i][2] != null) {
        assertEquals(expected[i][2], line.path("scimType").asText(), line.toString());
        assertEquals(expected[i][3], line.path("detail").asText(), line.toString());
      }
    }
    assertEquals(2, server.operator().get(tenant.users()).json().path("totalResults").asInt());
  }

  @Test
  void aFileBrokenAtItsEndAppliesNothing() {
    Tenant tenant = server.fixtures().tenant();
    importCsv(
            tenant,
            "User Name,First Name\nann@"
                + tenant.domain()
                + ",Ann\nbob@"
                + tenant.domain()
                + ",\"Bob\n")
        .expectError(400, "invalidSyntax");
    assertEquals(0, server.operator().get(tenant.users()).json().path("totalResults").asInt());
  }

  @Test
  void theImportHasItsOwnBodyLimitOfFourMebibytes() throws Exception {
    Tenant tenant = server.fixtures().tenant();
    String padding = "x".repeat(500_000);
    StringBuilder large = new StringBuilder("User Name,Notes\n");
    large.append("ann@").append(tenant.domain()).append(",").append(padding).append("\n");
    for (int i = 0; i < 2; i++) {
      large.append("x").append(i).append("@").append(tenant.domain()).append(",");
      large.append(padding).append("\n");
    }
    assertTrue(large.length() > 1_048_576 && large.length() < 4 * 1_048_576);
    JsonNode accepted = importCsv(tenant, large.toString()).expect(200).json();
    assertEquals(3, accepted.path("created").asInt(), accepted.toString());
    assertEquals("Notes", accepted.path("ignoredColumns").get(0).asText());

    // Only the headers are sent: the refusal must come from the declared length alone (a client
    // still writing a 4 MiB body may see its connection reset before it reads the 413).
    String refused = declaredOnly(tenant.users() + "/.import", "text/csv", 4 * 1_048_576 + 100);
    assertTrue(refused.startsWith("HTTP/1.1 413"), refused);
    assertTrue(refused.contains("4194304 bytes"), refused);
    assertEquals(3, server.operator().get(tenant.users()).json().path("totalResults").asInt());
    // Other endpoints keep the 1 MiB limit.
    String json = declaredOnly(tenant.users(), "application/scim+json", 1_048_576 + 100);
    assertTrue(json.startsWith("HTTP/1.1 413"), json);
    assertTrue(json.contains("1048576 bytes"), json);
  }

  /** Sends a POST's headers declaring {@code length} bytes, no body; returns the raw answer. */
  private static String declaredOnly(String path, String contentType, int length)
      throws java.io.IOException {
    java.net.URI base = server.baseUri();
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      String request =
          "POST /scim/v2/"
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + TestServer.OPERATOR_TOKEN
              + "\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + length
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void commandLineImportsAFile(@TempDir Path dir) throws Exception {
    Tenant tenant = server.fixtures().tenant();
    Path file = dir.resolve("users.csv");
    Files.writeString(
        file, "User Name,First Name,Country or Region\nzoe@" + tenant.domain() + ",Zoe,France\n");
    int exit =
        new CommandLine(new ImportUsersCommand())
            .execute(
                "--base-url",
                server.baseUri().toString(),
                "--token",
                TestServer.OPERATOR_TOKEN,
                "--tenant",
                tenant.id(),
                file.toString());
    assertEquals(0, exit);
    assertEquals(1, server.operator().get(tenant.users()).json().path("totalResults").asInt());
    Files.writeString(file, "User Name\nnobody@elsewhere.org\n");
    assertEquals(
        1,
        new CommandLine(new ImportUsersCommand())
            .execute(
                "--base-url",
                server.baseUri().toString(),
                "--token",
                TestServer.OPERATOR_TOKEN,
                "--tenant",
                tenant.id(),
                file.toString()));
  }
}
