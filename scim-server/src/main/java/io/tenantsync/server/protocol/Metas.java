package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.types.Meta;
import io.tenantsync.server.persistence.Auditable;
import java.net.URI;
import java.util.Calendar;
import java.util.TimeZone;

/** Builds a resource's {@code meta} (RFC 7643 §3.1) from its row. */
public final class Metas {
  private Metas() {}

  public static Meta of(Auditable row, String resourceType, URI location) {
    Meta meta = new Meta();
    meta.setResourceType(resourceType);
    meta.setCreated(calendar(row.created().toEpochMilli()));
    meta.setLastModified(calendar(row.lastModified().toEpochMilli()));
    meta.setLocation(location);
    meta.setVersion(ETags.of(row.version()));
    return meta;
  }

  private static Calendar calendar(long epochMillis) {
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(epochMillis);
    return calendar;
  }
}
