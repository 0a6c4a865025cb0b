package io.tenantsync.server.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.protocol.Shown;
import io.tenantsync.server.users.UserService;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports many users from one CSV file (R21) in two passes. First the whole file is read and every
 * line checked on its own (User Name present and local@domain, country known, no User Name twice in
 * the file): a file that is not CSV, too long or too large is refused whole before anything is
 * applied. Then every valid line is created as if POSTed on its own (its own transaction, every
 * rule of {@link UserService}: domains, uniqueness, pools); every invalid line is reported with its
 * line number and reason, and one bad line never stops the others.
 *
 * <pre>{"schemas":["urn:tenantsync:scim:api:messages:2.0:ImportResponse"],
 *  "created":2,"failed":1,"ignoredColumns":[],
 *  "lines":[{"line":2,"status":"201","userName":"…","id":"…"},
 *           {"line":3,"status":"409","scimType":"uniqueness","detail":"…"}]}</pre>
 */
public final class UserImportService {
  public static final String RESPONSE_SCHEMA =
      "urn:tenantsync:scim:api:messages:2.0:ImportResponse";
  private static final Logger log = LoggerFactory.getLogger(UserImportService.class);

  private final UserService users;

  public UserImportService(UserService users) {
    this.users = users;
  }

  public ObjectNode importCsv(
      Caller caller, String tenantId, Reader csv, List<String> entitlements, Locations locations)
      throws ScimException {
    ObjectNode response = ScimJsonProvider.MAPPER.createObjectNode();
    response.putArray("schemas").add(RESPONSE_SCHEMA);
    CsvUserRows.Parsed parsed = CsvUserRows.read(csv, entitlements);
    Map<Long, Problem> invalid = validate(parsed.rows());
    List<ObjectNode> lines = new ArrayList<>();
    for (CsvUserRows.Row row : parsed.rows()) {
      lines.add(
          invalid.containsKey(row.line())
              ? refused(row, invalid.get(row.line()))
              : apply(caller, tenantId, row, locations));
    }
    List<String> ignored = parsed.ignoredColumns();
    long created =
        lines.stream().filter(line -> line.path("status").asText().equals("201")).count();
    response.put("created", created);
    response.put("failed", lines.size() - created);
    ArrayNode ignoredColumns = response.putArray("ignoredColumns");
    ignored.forEach(ignoredColumns::add);
    response.putArray("lines").addAll(lines);
    return response;
  }

  /**
   * The first pass, before anything is applied: every line that cannot be imported whatever the
   * tenant holds — no or malformed User Name, unknown country, or a User Name (any case) an earlier
   * line of the file already has — with its reason, by line number.
   */
  private static Map<Long, Problem> validate(List<CsvUserRows.Row> rows) {
    Map<Long, Problem> invalid = new HashMap<>();
    Map<String, Long> firstLineOf = new HashMap<>();
    for (CsvUserRows.Row row : rows) {
      if (row.user() == null) {
        invalid.put(row.line(), new Problem("400", "invalidValue", row.problem()));
        continue;
      }
      String userName = row.user().path("userName").asText();
      Long first = firstLineOf.putIfAbsent(userName.toLowerCase(Locale.ROOT), row.line());
      if (first != null) {
        invalid.put(
            row.line(),
            new Problem(
                "409",
                "uniqueness",
                "User Name " + userName + " is already on line " + first + " of the file"));
      }
    }
    return invalid;
  }

  /** Why a line was refused before anything was applied. */
  private record Problem(String status, String scimType, String detail) {}

  private static ObjectNode refused(CsvUserRows.Row row, Problem problem) {
    ObjectNode result = ScimJsonProvider.MAPPER.createObjectNode().put("line", row.line());
    if (row.user() != null) {
      result.put("userName", row.user().path("userName").asText());
    }
    return result
        .put("status", problem.status())
        .put("scimType", problem.scimType())
        .put("detail", problem.detail());
  }

  private ObjectNode apply(
      Caller caller, String tenantId, CsvUserRows.Row row, Locations locations) {
    ObjectNode result = ScimJsonProvider.MAPPER.createObjectNode().put("line", row.line());
    result.put("userName", row.user().path("userName").asText());
    try {
      Shown user = users.create(caller, tenantId, row.user(), Projection.none(), locations);
      return result.put("status", "201").put("id", user.body().getId());
    } catch (ScimException e) {
      ErrorResponse error = e.getScimError();
      result.put("status", String.valueOf(error.getStatus()));
      if (error.getScimType() != null) {
        result.put("scimType", error.getScimType());
      }
      return result.put("detail", error.getDetail());
    } catch (RuntimeException e) {
      String id = UUID.randomUUID().toString();
      log.error("internal error id={} importing line {}", id, row.line(), e);
      return result.put("status", "500").put("detail", "internal error, id=" + id);
    }
  }
}
