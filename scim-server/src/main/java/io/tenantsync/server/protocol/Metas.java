package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.Meta;
import io.tenantsync.server.persistence.Auditable;
import java.net.URI;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/** Builds a resource's {@code meta} (RFC 7643 §3.1) from its row. */
public final class Metas {
  private Metas() {}

  /** For resources built as typed SDK objects. */
  public static Meta of(Auditable row, String resourceType, URI location) {
    Meta meta = new Meta();
    meta.setResourceType(resourceType);
    meta.setCreated(calendar(row.created().toEpochMilli()));
    meta.setLastModified(calendar(row.lastModified().toEpochMilli()));
    meta.setLocation(location);
    meta.setVersion(ETags.of(row.version()));
    return meta;
  }

  /**
   * The same {@code meta} written straight into a JSON resource, for resources built as JSON
   * (Users, Groups): no detour through {@link Meta} and calendars on every read. Instants are
   * xsd:dateTime in UTC ({@code 2026-12-03T10:15:30.120Z}).
   */
  public static ObjectNode putInto(
      ObjectNode resource, Auditable row, String resourceType, URI location) {
    return putInto(
        resource, row.created(), row.lastModified(), row.version(), resourceType, location);
  }

  /** As {@link #putInto(ObjectNode, Auditable, String, URI)}, for a row read without an entity. */
  public static ObjectNode putInto(
      ObjectNode resource,
      Instant created,
      Instant lastModified,
      long version,
      String resourceType,
      URI location) {
    return resource
        .putObject("meta")
        .put("resourceType", resourceType)
        .put("created", created.toString())
        .put("lastModified", lastModified.toString())
        .put("location", location.toString())
        .put("version", ETags.of(version));
  }

  private static Calendar calendar(long epochMillis) {
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(epochMillis);
    return calendar;
  }
}
