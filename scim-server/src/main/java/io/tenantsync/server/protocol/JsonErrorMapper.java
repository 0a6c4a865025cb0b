package io.tenantsync.server.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.temporal.Temporal;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body that is not valid JSON, or JSON of the wrong shape: 400 {@code invalidSyntax} with
 * a detail in the client's terms — which attribute, what it must be, what was sent, where:
 *
 * <pre>
 * the request body is not valid JSON: Unexpected end-of-input … at line 1, column 17
 * the request body has the wrong shape: "domains" must be an array, not a string (line 1, column 66)
 * </pre>
 *
 * Never a Java type name (Jackson's own messages for a wrong shape name our classes).
 */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  private static final Logger log = LoggerFactory.getLogger(JsonErrorMapper.class);

  /** Anything that looks like a qualified Java name, or Jackson's own markup, in a message. */
  private static final Pattern JAVA_NAMES =
      Pattern.compile("`[^`]*`|\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*\\b|JsonToken\\.\\w+");

  private static final Pattern SOURCE_MARKER = Pattern.compile("\\s*\\(?start marker at .*$");
  private static final int MAX_DETAIL = 300;

  @Override
  public Response toResponse(JsonProcessingException e) {
    log.debug("unreadable JSON body", e);
    return ScimErrors.response(400, BadRequestException.INVALID_SYNTAX, detail(e));
  }

  static String detail(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping) {
      return clip(shape(mapping));
    }
    String what = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    what = JAVA_NAMES.matcher(SOURCE_MARKER.matcher(what).replaceAll("")).replaceAll("a value");
    String where = location(e);
    return clip(
        "the request body is not valid JSON: " + what + (where.isEmpty() ? "" : " at" + where));
  }

  private static String shape(JsonMappingException e) {
    String path = path(e.getPath());
    @Nullable String found = found(e);
    if (path.isEmpty() && found == null) {
      return "the request body is empty or ends too early: send a JSON object";
    }
    String subject = path.isEmpty() ? "the body" : "\"" + path + "\"";
    @Nullable Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (e instanceof InvalidFormatException invalid) {
      return "the request body has a value that cannot be read: %s cannot be %s; it must be %s%s"
          .formatted(subject, quoted(invalid.getValue()), expected(target), where(e));
    }
    return "the request body has the wrong shape: %s must be %s%s%s"
        .formatted(subject, expected(target), found == null ? "" : ", not " + found, where(e));
  }

  /** {@code emails[0].value}: the JSON path of the value that did not fit. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What the client sent where the mapping failed, in JSON terms; null if unknown or nothing. */
  private static @Nullable String found(JsonMappingException e) {
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return null;
    }
    JsonToken token = parser.currentToken();
    if (token == null) {
      return null;
    }
    return switch (token) {
      case START_ARRAY, END_ARRAY -> "an array";
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> null;
    };
  }

  /** What a value of Java type {@code target} is in JSON terms. */
  private static String expected(@Nullable Class<?> target) {
    if (target == null) {
      return "a value of another type";
    }
    if (CharSequence.class.isAssignableFrom(target)
        || target == char.class
        || target == Character.class
        || target.isEnum()) {
      return "a string";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return "a number";
    }
    if (Date.class.isAssignableFrom(target)
        || Calendar.class.isAssignableFrom(target)
        || Temporal.class.isAssignableFrom(target)) {
      return "a date-time string such as 2024-01-31T12:00:00Z";
    }
    if (Collection.class.isAssignableFrom(target)
        || target.isArray()
        || ArrayNode.class.isAssignableFrom(target)) {
      return "an array";
    }
    if (ObjectNode.class.isAssignableFrom(target)
        || Map.class.isAssignableFrom(target)
        || !target.getName().startsWith("java.")) {
      return "an object";
    }
    return "a value of another type";
  }

  private static String quoted(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    return "\"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"";
  }

  private static String location(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null
        ? ""
        : " line %d, column %d".formatted(location.getLineNr(), location.getColumnNr());
  }

  /** " (line 1, column 66)", or nothing when Jackson did not say. */
  private static String where(JsonProcessingException e) {
    String location = location(e);
    return location.isEmpty() ? "" : " (" + location.strip() + ")";
  }

  private static String clip(String detail) {
    return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
  }
}
