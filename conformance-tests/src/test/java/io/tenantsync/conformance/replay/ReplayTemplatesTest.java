package io.tenantsync.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The replay files, their source table ({@code replays/README.md}) and the checks that send them
 * stay in step: no undocumented file, no documented file missing, none unused, all valid JSON.
 */
class ReplayTemplatesTest {

  private static final Path REPLAYS = Path.of("src/main/resources/replays");
  private static final Path CHECKS = Path.of("src/main/java/io/tenantsync/conformance/replay");
  private static final Pattern TABLE_ROW =
      Pattern.compile(
          "^\\| `([a-z]+/[a-z0-9-]+\\.json)` \\| `[A-Z]+ /[^`]+` \\| \\[[A-Z]+\\] .+\\|$");
  private static final Pattern SOURCE =
      Pattern.compile("^\\[([A-Z]+)\\] = <(https://[^>]+)>", Pattern.MULTILINE);

  private static Set<String> files() throws IOException {
    try (Stream<Path> paths = Files.walk(REPLAYS)) {
      final Set<String> names = new TreeSet<>();
      paths
          .filter(path -> path.toString().endsWith(".json"))
          .forEach(path -> names.add(REPLAYS.relativize(path).toString().replace('\\', '/')));
      return names;
    }
  }

  private static String readme() throws IOException {
    return Files.readString(REPLAYS.resolve("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyFileIsListedWithItsSourceAndEveryListedFileExists() throws IOException {
    final String readme = readme();
    final Set<String> sources = new TreeSet<>();
    final Matcher source = SOURCE.matcher(readme);
    while (source.find()) {
      sources.add(source.group(1));
    }
    final Set<String> listed = new TreeSet<>();
    for (final String line : readme.lines().toList()) {
      final Matcher row = TABLE_ROW.matcher(line);
      if (row.matches()) {
        listed.add(row.group(1));
        final String tag = line.replaceAll(".*\\| \\[([A-Z]+)\\].*", "$1");
        assertTrue(sources.contains(tag), () -> line + " cites [" + tag + "], defined: " + sources);
      }
    }
    assertEquals(files(), listed, "replay files vs. rows of replays/README.md");
  }

  @Test
  void everyFileIsJsonAndEveryPlaceholderSitsInsideAString() throws IOException {
    final ObjectMapper json = new ObjectMapper();
    for (final String name : files()) {
      final Replay replay = Replay.of(name);
      final List<String> values = new ArrayList<>();
      for (final String placeholder : replay.placeholders()) {
        values.add(placeholder);
        values.add("BOUND-" + placeholder);
      }
      final String body = replay.body(values.toArray(String[]::new));
      final JsonNode parsed = json.readTree(body);
      assertTrue(parsed.isObject(), name + " is a JSON object");
      for (final String placeholder : replay.placeholders()) {
        assertTrue(
            parsed.toString().contains("BOUND-" + placeholder),
            name + ": ${" + placeholder + "} is filled in");
      }
    }
  }

  @Test
  void everyFileIsSentByACheck() throws IOException {
    final StringBuilder sources = new StringBuilder();
    try (Stream<Path> paths = Files.list(CHECKS)) {
      for (final Path path : paths.filter(p -> p.toString().endsWith("Replays.java")).toList()) {
        sources.append(Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    for (final String name : files()) {
      assertTrue(sources.indexOf("\"" + name + "\"") >= 0, name + " is not sent by any check");
    }
  }

  @Test
  void bindingIsStrict() {
    final Replay replay = Replay.of("entra/flag-on-remove-member.json");
    assertEquals(Set.of("member"), replay.placeholders());
    assertTrue(replay.body("member", "u1").contains("\"members[value eq \\\"u1\\\"]\""));
    assertThrows(IllegalArgumentException.class, replay::body);
    assertThrows(IllegalArgumentException.class, () -> replay.body("member", "u1", "other", "x"));
    assertThrows(IllegalArgumentException.class, () -> Replay.of("entra/none.json"));
  }

  @Test
  void entraSendsTheStringFalseAndCapitalisedOpsWithoutTheFlag() {
    final String withoutFlag = Replay.of("entra/flag-off-disable-user.json").body();
    assertTrue(withoutFlag.contains("\"op\": \"Replace\""));
    assertTrue(withoutFlag.contains("\"value\": \"False\""));
    final String withFlag = Replay.of("entra/flag-on-disable-user.json").body();
    assertTrue(withFlag.contains("\"op\": \"replace\""));
    assertTrue(withFlag.contains("\"value\": false"));
  }
}
