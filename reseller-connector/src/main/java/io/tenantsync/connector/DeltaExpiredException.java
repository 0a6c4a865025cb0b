package io.tenantsync.connector;

/**
 * The delta link passed to {@link TenantDirectory#delta} is no longer accepted (HTTP 410): the
 * caller must do a full listing and start a new delta round with a null link. Not retryable as is.
 */
public class DeltaExpiredException extends DirectoryException {

  private static final long serialVersionUID = 1L;

  /** For implementations without an HTTP response to wrap (e.g. test doubles). */
  public DeltaExpiredException(String message) {
    super(Kind.GONE, 410, null, message, false, null, null);
  }

  public DeltaExpiredException(DirectoryException cause) {
    super(
        Kind.GONE,
        cause.httpStatus(),
        cause.code().orElse(null),
        "delta link expired, full resync required: " + cause.getMessage(),
        false,
        null,
        cause);
  }
}
