package io.tenantsync.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.server.testing.Fixtures.Tenant;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.TestServer;
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
