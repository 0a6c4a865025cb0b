package io.tenantsync.server.protocol.query;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Translates a SCIM filter (RFC 7644 §3.4.2.2) into an HQL predicate on the columns of an {@link
 * AttributeCatalog}, so that filtering happens in the database on indexed columns.
 *
 * <pre>{@code
 * userName eq "BJensen" and emails[type eq "work" and value co "@example.com"]
 * →  u.userNameCi = :p0 and exists (select 1 from u.emails e0
 *        where lower(e0.type) = :p1 and e0.valueCi like :p2 escape '\')
 *    p0 = "bjensen", p1 = "work", p2 = "%@example.com%"
 * }</pre>
 *
 * <ul>
 *   <li>Strings honour {@code caseExact}: a case-insensitive attribute compares lower-cased, on its
 *       lower-cased column if it has one, else through {@code lower(column)}. {@code co}, {@code
 *       sw}, {@code ew} become {@code like} with {@code \ % _} escaped.
 *   <li>A sub-attribute of a multi-valued attribute ({@code emails.value eq "x"}) matches if any
 *       element matches: a correlated {@code exists} subquery. A value filter ({@code emails[type
 *       eq "work" and value co "x"]}) is one subquery, so all its conditions hold for the same
 *       element.
 *   <li>Missing values: a comparison never matches an absent attribute, {@code ne} does ({@code (c
 *       <> :p or c is null)}). {@code pr} means present and, for strings, not empty; {@code eq
 *       null} is its exact negation, {@code ne null} the same as {@code pr}. Under {@code not},
 *       each comparison is guarded with {@code c is not null and …} so that SQL's unknown never
 *       reaches the {@code not}: {@code not (title eq "x")} matches users without a title, as the
 *       RFC's "the expression does not evaluate to true" requires.
 *   <li>Bounds: at most {@value #MAX_LENGTH} characters, {@value #MAX_DEPTH} levels of nesting and
 *       {@value #MAX_COMPARISONS} comparisons; beyond them, and for any attribute, operator or
 *       value that cannot be translated, {@code invalidFilter} with a detail naming the problem.
 * </ul>
 *
 * <p>Stateless and thread-safe. The returned predicate names its parameters {@code p0, p1, …};
 * combine it with others through {@link HqlPredicate#and}.
 */
public final class FilterTranslator {
  public static final int MAX_LENGTH = 4096;
  public static final int MAX_DEPTH = 20;
  public static final int MAX_COMPARISONS = 100;
  private static final int MAX_ECHO = 200;

  private FilterTranslator() {}

  /**
   * Parses a filter. Syntax errors become {@code invalidFilter} with the parser's reason and
   * position and the filter text; unbalanced brackets, which the parser tolerates, are reported
   * with their position.
   */
  public static Filter parse(String text) throws BadRequestException {
    if (text.isBlank()) {
      throw BadRequestException.invalidFilter("the filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw BadRequestException.invalidFilter(
          "the filter has %d characters; at most %d are accepted"
              .formatted(text.length(), MAX_LENGTH));
    }
    checkBrackets(text);
    try {
      return Filter.fromString(text);
    } catch (BadRequestException e) {
      throw new BadRequestException(
          reason(e) + " (filter: " + echo(text) + ")", BadRequestException.INVALID_FILTER, e);
    }
  }

  /** The predicate selecting the resources {@code filter} matches. */
  public static HqlPredicate translate(Filter filter, AttributeCatalog catalog)
      throws BadRequestException {
    checkBounds(filter, 1, new int[1]);
    return new PredicateBuilder(catalog).build(filter);
  }

  private static void checkBounds(Filter filter, int depth, int[] comparisons)
      throws BadRequestException {
    if (depth > MAX_DEPTH) {
      throw BadRequestException.invalidFilter(
          "the filter nests deeper than " + MAX_DEPTH + " levels; simplify it");
    }
    if (filter.isCombiningFilter()) {
      for (Filter part : filter.getCombinedFilters()) {
        checkBounds(part, depth + 1, comparisons);
      }
    } else if (filter.isNotFilter()) {
      checkBounds(filter.getInvertedFilter(), depth + 1, comparisons);
    } else if (filter.isComplexValueFilter()) {
      checkBounds(filter.getValueFilter(), depth + 1, comparisons);
    } else if (++comparisons[0] > MAX_COMPARISONS) {
      throw BadRequestException.invalidFilter(
          "the filter has more than " + MAX_COMPARISONS + " comparisons; split the query");
    }
  }

  /** Brackets and parentheses outside string literals must pair up. */
  private static void checkBrackets(String text) throws BadRequestException {
    Deque<Integer> open = new ArrayDeque<>();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[') {
        open.push(i);
      } else if (c == ')' || c == ']') {
        char expected = c == ')' ? '(' : '[';
        if (open.isEmpty()) {
          throw BadRequestException.invalidFilter(
              "'%s' at position %d has no matching '%s' (filter: %s)"
                  .formatted(c, i, expected, echo(text)));
        }
        int at = open.pop();
        if (text.charAt(at) != expected) {
          throw BadRequestException.invalidFilter(
              "'%s' at position %d comes before '%s' at position %d is closed (filter: %s)"
                  .formatted(c, i, text.charAt(at), at, echo(text)));
        }
      }
    }
    if (!inString && !open.isEmpty()) {
      int at = open.peek();
      throw BadRequestException.invalidFilter(
          "'%s' at position %d is never closed (filter: %s)"
              .formatted(text.charAt(at), at, echo(text)));
    }
  }

  /** The parser's reason, without the JSON parser's source excerpts. */
  private static String reason(BadRequestException e) {
    String reason = e.getMessage() == null ? "unparseable filter" : e.getMessage();
    int cut = reason.indexOf('\n');
    reason = cut < 0 ? reason : reason.substring(0, cut);
    cut = reason.indexOf(" (start marker at");
    return (cut < 0 ? reason : reason.substring(0, cut)).strip();
  }

  private static String echo(String text) {
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
  }
}
