package io.tenantsync.server.protocol;

import jakarta.ws.rs.core.MediaType;

/** The media types of the SCIM protocol (RFC 7644 §3.1, §8.1). */
public final class ScimMedia {
  /** What every SCIM response is sent as. */
  public static final String SCIM_JSON = "application/scim+json";

  public static final MediaType SCIM_JSON_TYPE = MediaType.valueOf(SCIM_JSON);

  private ScimMedia() {}
}
