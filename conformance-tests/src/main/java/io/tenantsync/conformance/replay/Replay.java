package io.tenantsync.conformance.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One documented request body, read from {@code /replays/<name>} on the class path (the sources are
 * listed in {@code replays/README.md}). The file is sent as it is except for its {@code ${name}}
 * placeholders, so layout, key order, {@code op} casing and value types stay the documented ones.
 *
 * <p>Binding is strict: a placeholder left unbound, or a value bound to a name the file does not
 * contain, is a programming error ({@link IllegalArgumentException}), never a silently different
 * request. Values are inserted inside JSON strings as they are; they must not need escaping.
 */
public final class Replay {

  /** {@code ${name}}: a placeholder inside a JSON string of a replay file. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  private final String name;
  private final String template;

  private Replay(final String name, final String template) {
    this.name = name;
    this.template = template;
  }

  /** The file {@code /replays/<name>}, e.g. {@code entra/tutorial-create-user.json}. */
  public static Replay of(final String name) {
    final String resource = "/replays/" + name;
    try (InputStream in = Replay.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no replay file " + resource + " on the class path");
      }
      return new Replay(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The placeholders of the file, in order of first appearance. */
  public Set<String> placeholders() {
    final Set<String> names = new LinkedHashSet<>();
    final Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** The body with {@code namesAndValues} (name, value, name, value…) filled in. */
  public String body(final String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    final Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    final Set<String> placeholders = placeholders();
    if (!placeholders.equals(values.keySet())) {
      throw new IllegalArgumentException(
          name + " has placeholders " + placeholders + " but was given " + values.keySet());
    }
    final Matcher matcher = PLACEHOLDER.matcher(template);
    final StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
