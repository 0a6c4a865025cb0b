package io.tenantsync.conformance;

/**
 * The optional features a {@code ServiceProviderConfig} advertises (RFC 7643 §5; cursor paging: RFC
 * 9865 §4). Checks of a feature that is not advertised are skipped, never failed.
 */
public enum Feature {
  PATCH("/patch/supported"),
  BULK("/bulk/supported"),
  FILTER("/filter/supported"),
  SORT("/sort/supported"),
  ETAG("/etag/supported"),
  CHANGE_PASSWORD("/changePassword/supported"),
  CURSOR_PAGINATION("/pagination/cursor");

  private final String pointer;

  Feature(final String pointer) {
    this.pointer = pointer;
  }

  /** Where the flag sits in the ServiceProviderConfig, as a JSON Pointer. */
  public String pointer() {
    return pointer;
  }
}
