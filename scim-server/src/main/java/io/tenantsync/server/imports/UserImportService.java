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
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports many users from one CSV file (R21): every valid line is created as if POSTed on its own
 * (its own transaction, every rule of {@link UserService}), every invalid line is reported with its
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
    List<ObjectNode> lines = new ArrayList<>();
    List<String> ignored =
        CsvUserRows.read(
            csv, entitlements, row -> lines.add(apply(caller, tenantId, row, locations)));
    long created =
        lines.stream().filter(line -> line.path("status").asText().equals("201")).count();
    response.put("created", created);
    response.put("failed", lines.size() - created);
    ArrayNode ignoredColumns = response.putArray("ignoredColumns");
    ignored.forEach(ignoredColumns::add);
    response.putArray("lines").addAll(lines);
    return response;
  }

  private ObjectNode apply(
      Caller caller, String tenantId, CsvUserRows.Row row, Locations locations) {
    ObjectNode result = ScimJsonProvider.MAPPER.createObjectNode().put("line", row.line());
    if (row.user() == null) {
      return result
          .put("status", "400")
          .put("scimType", "invalidValue")
          .put("detail", row.problem());
    }
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
