package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads and writes JSON with the SCIM SDK's object mapper (case-insensitive attribute names, SCIM
 * date formats), for {@code application/scim+json} and {@code application/json} alike. An empty
 * request body is refused like any other unreadable one (400 {@code invalidSyntax} through {@link
 * JsonErrorMapper}), never handed to an endpoint as null.
 */
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class ScimJsonProvider extends JacksonJsonProvider {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

  public ScimJsonProvider() {
    super(MAPPER);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    Object value =
        super.readFrom(type, genericType, annotations, mediaType, httpHeaders, entityStream);
    if (value == null) {
      throw MismatchedInputException.from(null, type, "empty request body");
    }
    return value;
  }
}
