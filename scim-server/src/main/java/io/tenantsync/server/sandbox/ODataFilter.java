package io.tenantsync.server.sandbox;

import io.tenantsync.server.protocol.RequestLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code $filter} subset the sandbox understands, translated to an HQL predicate on {@code
 * SandboxUserEntity u} with named parameters:
 *
 * <pre>
 * filter  := clause ( "and" clause )*
 * clause  := property "eq" ( 'text' | true | false | null )
 *          | "startswith(" property "," 'text' ")"
 * </pre>
 *
 * Text literals are OData strings ({@code ''} is a quote). String comparisons are case-insensitive,
 * as in Graph; {@code userPrincipalName} uses its indexed lower-cased twin. Anything else is 400
 * {@code Request_UnsupportedQuery}; a malformed expression is 400 {@code BadRequest}. Immutable
 * once built.
 */
final class ODataFilter {
  private static final int MAX_CLAUSES = 20;

  /** Filterable string properties → HQL expression compared with a lower-cased value. */
  private static final Map<String, String> TEXT =
      Map.ofEntries(
          Map.entry("userPrincipalName", "u.upnCi"),
          Map.entry("id", "u.id"),
          Map.entry("displayName", "lower(u.displayName)"),
          Map.entry("givenName", "lower(u.givenName)"),
          Map.entry("surname", "lower(u.surname)"),
          Map.entry("mail", "lower(u.mail)"),
          Map.entry("mailNickname", "lower(u.mailNickname)"),
          Map.entry("jobTitle", "lower(u.jobTitle)"),
          Map.entry("department", "lower(u.department)"),
          Map.entry("usageLocation", "lower(u.usageLocation)"));

  private static final Map<String, String> BOOLEAN =
      Map.of(
          "accountEnabled", "u.accountEnabled", "onPremisesSyncEnabled", "u.onPremisesSyncEnabled");

  /** Property names as clients spell them, matched case-insensitively as Graph does. */
  private static final Map<String, String> CANONICAL = canonicalNames();

  private final String hql;
  private final Map<String, Object> parameters;

  private ODataFilter(String hql, Map<String, Object> parameters) {
    this.hql = hql;
    this.parameters = parameters;
  }

  private static Map<String, String> canonicalNames() {
    Map<String, String> names = new LinkedHashMap<>();
    TEXT.keySet().forEach(name -> names.put(name.toLowerCase(Locale.ROOT), name));
    BOOLEAN.keySet().forEach(name -> names.put(name.toLowerCase(Locale.ROOT), name));
    return Map.copyOf(names);
  }

  /** No filter: every user. */
  static ODataFilter none() {
    return new ODataFilter("", Map.of());
  }

  static ODataFilter parse(@Nullable String filter) {
    if (filter == null || filter.isBlank()) {
      return none();
    }
    if (filter.length() > RequestLimits.MAX_FILTER_LENGTH) {
      throw GraphError.unsupportedQuery("The $filter expression is too long.");
    }
    return new Parser(filter).parse();
  }

  /** {@code " and (…)"} to append to a where clause, or empty. */
  String hql() {
    return hql;
  }

  Map<String, Object> parameters() {
    return parameters;
  }

  private static final class Parser {
    private final String text;
    private int pos;
    private final List<String> predicates = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Parser(String text) {
      this.text = text;
    }

    ODataFilter parse() {
      do {
        if (predicates.size() >= MAX_CLAUSES) {
          throw GraphError.unsupportedQuery("Too many clauses in $filter.");
        }
        clause();
      } while (keyword("and"));
      skipSpaces();
      if (pos < text.length()) {
        throw invalid();
      }
      return new ODataFilter(
          " and (" + String.join(" and ", predicates) + ")", Map.copyOf(parameters));
    }

    private void clause() {
      skipSpaces();
      if (text.regionMatches(true, pos, "startswith(", 0, "startswith(".length())) {
        pos += "startswith(".length();
        String property = identifier();
        String column = textColumn(property);
        expect(',');
        String prefix = string().toLowerCase(Locale.ROOT);
        expect(')');
        predicates.add(column + " like :" + bind(escapeLike(prefix) + "%") + " escape '!'");
        return;
      }
      String property = identifier();
      if (!keyword("eq")) {
        skipSpaces();
        throw word().isEmpty() ? invalid() : unsupported(property);
      }
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == '\'') {
        String value = string();
        predicates.add(
            textColumn(property)
                + " = :"
                + bind(property.equals("id") ? value : value.toLowerCase(Locale.ROOT)));
        return;
      }
      String literal = word().toLowerCase(Locale.ROOT);
      switch (literal) {
        case "true", "false" -> {
          String column = BOOLEAN.get(property);
          if (column == null) {
            throw unsupported(property);
          }
          predicates.add(column + " = :" + bind(Boolean.parseBoolean(literal)));
        }
        case "null" -> predicates.add(textColumn(property) + " is null");
        default -> throw invalid();
      }
    }

    private String textColumn(String property) {
      String column = TEXT.get(property);
      if (column == null) {
        throw unsupported(property);
      }
      return column;
    }

    private String bind(Object value) {
      String name = "f" + parameters.size();
      parameters.put(name, value);
      return name;
    }

    /** A property name, canonically spelt when the sandbox knows it. */
    private String identifier() {
      skipSpaces();
      String name = word();
      if (name.isEmpty()) {
        throw invalid();
      }
      return CANONICAL.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    private String word() {
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private boolean keyword(String keyword) {
      skipSpaces();
      int end = pos + keyword.length();
      if (text.regionMatches(true, pos, keyword, 0, keyword.length())
          && (end == text.length() || text.charAt(end) == ' ')) {
        pos = end;
        return true;
      }
      return false;
    }

    /** An OData string literal: single quotes, {@code ''} for a quote. */
    private String string() {
      skipSpaces();
      if (pos >= text.length() || text.charAt(pos) != '\'') {
        throw invalid();
      }
      StringBuilder value = new StringBuilder();
      pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '\'') {
          if (pos < text.length() && text.charAt(pos) == '\'') {
            value.append('\'');
            pos++;
          } else {
            return value.toString();
          }
        } else {
          value.append(c);
        }
      }
      throw invalid();
    }

    private void expect(char c) {
      skipSpaces();
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw invalid();
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private GraphError invalid() {
      return GraphError.badRequest("BadRequest", "Invalid filter clause");
    }

    private static GraphError unsupported(String property) {
      return GraphError.unsupportedQuery(
          "Unsupported or invalid query filter clause specified for property '"
              + property
              + "' of resource 'User'.");
    }

    private static String escapeLike(String value) {
      return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
  }
}
