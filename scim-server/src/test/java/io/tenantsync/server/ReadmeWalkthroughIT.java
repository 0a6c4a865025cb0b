package io.tenantsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenantsync.server.config.ServerConfig;
import io.tenantsync.server.testing.Http;
import io.tenantsync.server.testing.ItDatabase;
import io.tenantsync.server.testing.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through (operator token → reseller → reseller token → tenant → user), run as
 * written: its code blocks are read from README.md, the start command's operator token is used to
 * start the packaged jar, and the curl block runs in bash. The only change made to the text is the
 * port ({@code localhost:8080} → the port the test server got), so that tests never need 8080.
 */
class ReadmeWalkthroughIT {
  private static final Pattern CODE_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OPERATOR_TOKEN =
      Pattern.compile(ServerConfig.OPERATOR_TOKEN + "=(\\S+)");

  @TempDir Path directory;

  @Test
  void curlWalkThroughWorksAsWritten() throws Exception {
    List<String> blocks = walkThroughBlocks();
    assertEquals(2, blocks.size(), "the walk-through has a start block and a curl block");
    Matcher token = OPERATOR_TOKEN.matcher(blocks.get(0));
    assertTrue(token.find(), blocks.get(0));
    assertTrue(blocks.get(0).contains("java -jar scim-server/target/scim-server.jar"));

    Map<String, String> env = new HashMap<>();
    ItDatabase database = ItDatabase.create();
    if (database.isMariaDb()) {
      env.putAll(ServerProcess.environment(database));
    }
    env.put(ServerConfig.PORT, "0");
    env.put(ServerConfig.OPERATOR_TOKEN, token.group(1));
    try (ServerProcess node = ServerProcess.startJar("readme", env, directory)) {
      String script = blocks.get(1);
      assertTrue(script.contains("localhost:8080"), script);
      String run =
          script.replace("localhost:8080", "localhost:" + node.port())
              + "\necho\necho \"RESELLER=$RESELLER\"\necho \"TENANT=$TENANT\"\n";
      String output = bash(run);

      String tenant = value(output, "TENANT");
      assertTrue(!value(output, "RESELLER").isEmpty(), output);
      assertTrue(!tenant.isEmpty(), output);
      assertTrue(output.contains("\"totalResults\":1"), "step 5 finds alice:\n" + output);
      assertTrue(output.contains("\"userName\":\"alice@fabrikam.onmicrosoft.com\""), output);

      Http operator = node.as(token.group(1));
      var users = operator.get("/scim/v2/tenants/" + tenant + "/Users").expect(200).json();
      assertEquals(1, users.path("totalResults").asInt(), users.toString());
      assertEquals(
          "alice@fabrikam.onmicrosoft.com",
          users.path("Resources").path(0).path("userName").asText());
    }
  }

  /** The {@code sh} code blocks of the README section that starts with "## Walk-through". */
  private static List<String> walkThroughBlocks() throws Exception {
    Path readme = Path.of(System.getProperty("basedir", "."), "..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf("\n## Walk-through");
    assertTrue(start >= 0, "README.md has a '## Walk-through' section");
    int end = text.indexOf("\n## ", start + 1);
    String section = text.substring(start, end < 0 ? text.length() : end);
    List<String> blocks = new ArrayList<>();
    Matcher matcher = CODE_BLOCK.matcher(section);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  private String bash(String script) throws Exception {
    Path file = directory.resolve("walkthrough.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder("bash", "-e", file.toString())
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "walk-through did not finish");
    assertEquals(0, process.exitValue(), "walk-through failed:\n" + output);
    return output;
  }

  private static String value(String output, String name) {
    return output
        .lines()
        .filter(line -> line.startsWith(name + "="))
        .map(line -> line.substring(name.length() + 1))
        .findFirst()
        .orElse("");
  }
}
