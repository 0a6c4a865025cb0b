package io.tenantsync.connector;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A directory call that failed, classified once (see {@code graph.GraphErrors}) so callers decide
 * by {@link #kind()} and {@link #retryable()} rather than by status codes.
 *
 * <p>{@link #retryable()} means "the same call may succeed later": the outbox reschedules it, not
 * before {@link #retryAfter()} when present. {@link #httpStatus()} is 0 when no response arrived
 * (timeout, connection failure). {@link #code()} is the directory's own error code, e.g. Graph's
 * {@code Request_ResourceNotFound}. Messages never contain secrets.
 */
public class DirectoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the directory's wire protocol. */
  public enum Kind {
    /** The request was refused as invalid (400); the code says why. */
    BAD_REQUEST,
    /** The credentials were refused (401, or the token endpoint refused the client). */
    UNAUTHORIZED,
    /** The application lacks a permission in the tenant (403). */
    FORBIDDEN,
    /** The account or object does not exist (404). */
    NOT_FOUND,
    /** A uniqueness or version conflict (409, 412, or Graph's {@code ObjectConflict}). */
    CONFLICT,
    /** The resource or delta state is gone for good (410). */
    GONE,
    /** The directory is throttling this client (429). */
    THROTTLED,
    /** The directory or the network failed transiently (408, 5xx, connection failure). */
    UNAVAILABLE,
    /** No response arrived within the request timeout; the call may or may not have happened. */
    TIMEOUT,
    /** The response was not what the protocol promises (truncated JSON, an HTML page…). */
    MALFORMED_RESPONSE,
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED,
    /** Any other status (e.g. 405, 501, a redirect). */
    UNEXPECTED
  }

  private final Kind kind;
  private final int httpStatus;
  private final @Nullable String code;
  private final boolean retryable;
  private final @Nullable Duration retryAfter;

  public DirectoryException(
      Kind kind,
      int httpStatus,
      @Nullable String code,
      String message,
      boolean retryable,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus;
    this.code = code;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** A failure without HTTP details, e.g. from a test double of {@link TenantDirectory}. */
  public DirectoryException(Kind kind, String message, boolean retryable) {
    this(kind, 0, null, message, retryable, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
