package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.exceptions.NotModifiedException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Resource versions as weak entity tags ({@code W/"7"}, RFC 7644 §3.14) and the checks of {@code
 * If-Match} and {@code If-None-Match}.
 */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "W/\"" + version + "\"";
  }

  public static EntityTag entityTag(long version) {
    return new EntityTag(Long.toString(version), true);
  }

  /** The version number inside a resource's {@code meta.version}. */
  /** The version number inside one of this server's tags, {@code W/"7"} → 7. */
  public static long parse(String tag) {
    return Long.parseLong(tag.substring(tag.indexOf('"') + 1, tag.lastIndexOf('"')));
  }

  /** 412 unless {@code ifMatch} is absent, {@code *}, or names {@code version}. */
  public static void checkIfMatch(@Nullable String ifMatch, long version)
      throws PreconditionFailedException {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    if (!matches(ifMatch, version)) {
      throw new PreconditionFailedException(
          "the resource has changed: its version is " + of(version) + ", not " + ifMatch.trim());
    }
  }

  /**
   * 304 if {@code ifNoneMatch} names the current version (or is {@code *}); the exception carries
   * that version for the response's {@code ETag} (RFC 9110 §15.4.5).
   */
  public static void checkIfNoneMatch(@Nullable String ifNoneMatch, long version)
      throws NotModifiedException {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return;
    }
    if (ifNoneMatch.trim().equals("*") || matches(ifNoneMatch, version)) {
      throw new NotModifiedException("not modified", null, of(version), null);
    }
  }

  private static boolean matches(String header, long version) {
    String wanted = Long.toString(version);
    return Arrays.stream(header.split(","))
        .map(String::trim)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .map(
            tag ->
                tag.length() >= 2 && tag.startsWith("\"")
                    ? tag.substring(1, tag.length() - 1)
                    : tag)
        .anyMatch(wanted::equals);
  }
}
