package io.tenantsync.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * What the server says about itself in {@code GET /ServiceProviderConfig}, read once per target.
 * When the endpoint does not answer with JSON, nothing is advertised (the discovery checks fail on
 * their own). Immutable.
 */
public final class ServiceProviderConfig {

  private final JsonNode json;

  ServiceProviderConfig(final JsonNode json) {
    this.json = json;
  }

  public JsonNode json() {
    return json;
  }

  public boolean supports(final Feature feature) {
    final JsonNode flag = json.at(feature.pointer());
    return flag.isBoolean() && flag.booleanValue();
  }

  public OptionalLong bulkMaxOperations() {
    return positive("/bulk/maxOperations");
  }

  public OptionalLong bulkMaxPayloadSize() {
    return positive("/bulk/maxPayloadSize");
  }

  public OptionalLong filterMaxResults() {
    return positive("/filter/maxResults");
  }

  /** RFC 9865 §4: {@code pagination.maxPageSize}. */
  public OptionalLong maxPageSize() {
    return positive("/pagination/maxPageSize");
  }

  private OptionalLong positive(final String pointer) {
    final JsonNode value = json.at(pointer);
    return value.isIntegralNumber() && value.asLong() > 0
        ? OptionalLong.of(value.asLong())
        : OptionalLong.empty();
  }
}
