package io.tenantsync.server.protocol.query;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns a filter's comparison value into the query parameter for one column, or explains why it
 * cannot be compared (RFC 7644 §3.4.2.2: booleans are not ordered; {@code co}/{@code sw}/{@code ew}
 * apply to strings). Case-insensitive strings are lower-cased with {@link Locale#ROOT}; LIKE
 * patterns escape {@code \}, {@code %} and {@code _} with {@code \}. A dateTime without an offset
 * is read as UTC; precision is milliseconds, finer fractions are truncated. Stateless.
 */
final class ComparisonValues {
  private static final int MAX_SHOWN = 100;

  private ComparisonValues() {}

  static void checkOperator(String name, AttributeColumn column, Operator op)
      throws BadRequestException {
    if (op.isLike() && column.type() != ValueType.STRING) {
      throw BadRequestException.invalidFilter(
          "'%s' is %s; '%s' applies only to strings".formatted(name, describe(column.type()), op));
    }
    if (op.isOrdering() && column.type() == ValueType.BOOLEAN) {
      throw BadRequestException.invalidFilter(
          "'%s' is a boolean; '%s' is not defined for booleans, use eq, ne or pr"
              .formatted(name, op));
    }
  }

  /** The parameter comparing {@code column} with {@code value} under {@code op}. */
  static Object convert(ValueNode value, AttributeColumn column, String name, Operator op)
      throws BadRequestException {
    return switch (column.type()) {
      case STRING -> string(value, column, name, op);
      case BOOLEAN -> bool(value, name);
      case DATETIME -> dateTime(value, name);
      case INTEGER -> integer(value, name);
      case DECIMAL -> decimal(value, name);
    };
  }

  static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static String string(ValueNode value, AttributeColumn column, String name, Operator op)
      throws BadRequestException {
    if (!value.isTextual()) {
      throw mismatch(name, ValueType.STRING, "a quoted string", value);
    }
    String text = value.textValue();
    if (!column.caseExact()) {
      text = text.toLowerCase(Locale.ROOT);
    }
    return switch (op) {
      case CO -> "%" + escapeLike(text) + "%";
      case SW -> escapeLike(text) + "%";
      case EW -> "%" + escapeLike(text);
      default -> text;
    };
  }

  /** JSON {@code true}/{@code false}, or the same as a string in any case (Entra ID sends both). */
  private static Boolean bool(ValueNode value, String name) throws BadRequestException {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && value.textValue().equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (value.isTextual() && value.textValue().equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw mismatch(name, ValueType.BOOLEAN, "true or false", value);
  }

  private static Long dateTime(ValueNode value, String name) throws BadRequestException {
    String example = "an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"";
    if (!value.isTextual()) {
      throw mismatch(name, ValueType.DATETIME, example, value);
    }
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              value.textValue(), OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime withOffset) {
        return withOffset.toInstant().toEpochMilli();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadRequestException(
          "'" + name + "' is a dateTime and " + shown(value) + " is not one; use " + example,
          BadRequestException.INVALID_FILTER,
          e);
    }
  }

  private static Long integer(ValueNode value, String name) throws BadRequestException {
    if (!value.isNumber()) {
      throw mismatch(name, ValueType.INTEGER, "a whole number", value);
    }
    try {
      return value.decimalValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new BadRequestException(
          mismatchDetail(name, ValueType.INTEGER, "a whole number", value),
          BadRequestException.INVALID_FILTER,
          e);
    }
  }

  private static BigDecimal decimal(ValueNode value, String name) throws BadRequestException {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    throw mismatch(name, ValueType.DECIMAL, "a number", value);
  }

  private static BadRequestException mismatch(
      String name, ValueType type, String expected, ValueNode value) {
    return BadRequestException.invalidFilter(mismatchDetail(name, type, expected, value));
  }

  private static String mismatchDetail(
      String name, ValueType type, String expected, ValueNode value) {
    return "'%s' is %s; compare it with %s, not %s"
        .formatted(name, describe(type), expected, shown(value));
  }

  static String describe(ValueType type) {
    return switch (type) {
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case DATETIME -> "a dateTime";
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal";
    };
  }

  private static String shown(ValueNode value) {
    String json = value.toString();
    return json.length() <= MAX_SHOWN ? json : json.substring(0, MAX_SHOWN) + "…";
  }
}
