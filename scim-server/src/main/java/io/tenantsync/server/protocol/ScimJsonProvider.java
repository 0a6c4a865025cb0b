package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Reads and writes JSON with the SCIM SDK's object mapper (case-insensitive attribute names, SCIM
 * date formats), for {@code application/scim+json} and {@code application/json} alike.
 */
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class ScimJsonProvider extends JacksonJsonProvider {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

  public ScimJsonProvider() {
    super(MAPPER);
  }
}
