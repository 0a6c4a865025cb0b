package io.tenantsync.server.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command-line entry point of the CSV import (R21): sends a file to a running server's import
 * endpoint and prints the result per line. Exit code 0 when every line was imported, 1 when some
 * failed, 2 for usage or connection errors.
 *
 * <pre>
 * java -cp scim-server/target/scim-server.jar io.tenantsync.server.imports.ImportUsersCommand \
 *   --base-url http://localhost:8080 --token $TOKEN --tenant $TENANT users.csv</pre>
 */
@Command(
    name = "import-users",
    mixinStandardHelpOptions = true,
    description = "Imports users from a Microsoft 365 bulk-add CSV file into a TenantSync tenant.")
public final class ImportUsersCommand implements Callable<Integer> {
  @Option(names = "--base-url", required = true, description = "e.g. http://localhost:8080")
  URI baseUrl;

  @Option(names = "--token", required = true, description = "a bearer token with Full rights")
  String token;

  @Option(names = "--tenant", required = true, description = "the tenant id")
  String tenant;

  @Option(
      names = "--entitlements",
      description = "skuPartNumbers to assign to every user, comma-separated")
  String entitlements;

  @Parameters(index = "0", description = "the CSV file")
  Path file;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImportUsersCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    String query =
        entitlements == null
            ? ""
            : "?entitlements=" + URLEncoder.encode(entitlements, StandardCharsets.UTF_8);
    URI target = baseUrl.resolve("/scim/v2/tenants/" + tenant + "/Users/.import" + query);
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println(response.body());
    if (response.statusCode() != 200) {
      System.err.println("import refused: HTTP " + response.statusCode());
      return 2;
    }
    return new ObjectMapper().readTree(response.body()).path("failed").asLong(-1) == 0 ? 0 : 1;
  }
}
