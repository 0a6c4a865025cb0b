package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One list or search request (RFC 7644 §3.4.2, §3.4.3; cursors per RFC 9865), read either from the
 * query string of a GET or from the body of a {@code POST .search}. Paging is by index unless
 * {@code cursor} is present (an empty cursor asks for the first cursor page).
 */
public record ListRequest(
    @Nullable String filter,
    @Nullable String sortBy,
    @Nullable String sortOrder,
    Page page,
    @Nullable String cursor,
    Projection projection) {

  public boolean cursorPaging() {
    return cursor != null;
  }

  public static ListRequest fromQuery(MultivaluedMap<String, String> query)
      throws BadRequestException {
    return new ListRequest(
        query.getFirst("filter"),
        query.getFirst("sortBy"),
        query.getFirst("sortOrder"),
        Page.of(
            integer(query.getFirst("startIndex"), "startIndex"),
            integer(query.getFirst("count"), "count")),
        query.getFirst("cursor"),
        Projection.of(query.getFirst("attributes"), query.getFirst("excludedAttributes")));
  }

  /** From a {@code urn:ietf:params:scim:api:messages:2.0:SearchRequest} body. */
  public static ListRequest fromSearchBody(ObjectNode body) throws BadRequestException {
    return new ListRequest(
        text(body, "filter"),
        text(body, "sortBy"),
        text(body, "sortOrder"),
        Page.of(number(body, "startIndex"), number(body, "count")),
        body.has("cursor") ? body.get("cursor").asText("") : null,
        Projection.of(list(body, "attributes"), list(body, "excludedAttributes")));
  }

  private static @Nullable Integer integer(@Nullable String raw, String name)
      throws BadRequestException {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(raw.trim());
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + " must be an integer, not " + raw);
    }
  }

  private static @Nullable String text(ObjectNode body, String name) throws BadRequestException {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw BadRequestException.invalidValue(name + " must be a string");
    }
    return value.asText();
  }

  private static @Nullable Integer number(ObjectNode body, String name) throws BadRequestException {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return integer(value.asText(), name);
    }
    if (!value.canConvertToInt()) {
      throw BadRequestException.invalidValue(name + " must be an integer");
    }
    return value.asInt();
  }

  private static @Nullable List<String> list(ObjectNode body, String name)
      throws BadRequestException {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    List<String> result = new ArrayList<>();
    if (value.isTextual()) {
      for (String part : value.asText().split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
      return result;
    }
    if (!value.isArray()) {
      throw BadRequestException.invalidValue(name + " must be an array of attribute names");
    }
    value.forEach(item -> result.add(item.asText()));
    return result;
  }
}
