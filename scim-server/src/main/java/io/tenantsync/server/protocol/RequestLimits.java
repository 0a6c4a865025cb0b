package io.tenantsync.server.protocol;

/**
 * The bounds every request is held to, advertised in {@code ServiceProviderConfig} and enforced
 * where the request is read.
 */
public final class RequestLimits {
  /** Largest request body accepted, in bytes (also Bulk's {@code maxPayloadSize}). */
  public static final int MAX_PAYLOAD_BYTES = 1_048_576;

  /**
   * Largest CSV import body ({@code POST …/Users/.import}), in bytes: room for the 10,000 lines an
   * import may have at about 400 bytes each, which a 1 MiB limit would not give.
   */
  public static final int MAX_CSV_IMPORT_BYTES = 4 * 1_048_576;

  /** The body limit of a request to {@code path} (relative to the application root). */
  public static int maxBodyBytes(String path) {
    return path.endsWith("/Users/.import") ? MAX_CSV_IMPORT_BYTES : MAX_PAYLOAD_BYTES;
  }

  /** Largest page a list or search returns ({@code filter.maxResults}). */
  public static final int MAX_PAGE_SIZE = 1_000;

  /** Page size when the client names none. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Most operations in one Bulk request ({@code bulk.maxOperations}). */
  public static final int MAX_BULK_OPERATIONS = 1_000;

  /** Longest filter expression accepted, in characters. */
  public static final int MAX_FILTER_LENGTH = 4_096;

  private RequestLimits() {}
}
