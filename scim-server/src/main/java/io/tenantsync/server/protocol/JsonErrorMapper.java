package io.tenantsync.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body that is not valid JSON, or JSON of the wrong shape: 400 {@code invalidSyntax},
 * with Jackson's own description of where (it names the token and location, never our data).
 */
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  private static final Logger log = LoggerFactory.getLogger(JsonErrorMapper.class);

  @Override
  public Response toResponse(JsonProcessingException e) {
    log.debug("malformed JSON body", e);
    String where =
        e.getLocation() == null
            ? ""
            : " at line %d, column %d"
                .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    String what = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    if (what.length() > 300) {
      what = what.substring(0, 300) + "…";
    }
    return ScimErrors.response(
        400, BadRequestException.INVALID_SYNTAX, "request body is not valid: " + what + where);
  }
}
