package io.tenantsync.connector.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2.0 token response (RFC 6749 §5.1): {@code
 * {"access_token":"…","token_type":"Bearer","expires_in":3599}}; never printed.
 */
record GraphTokenResponse(
    @JsonProperty("access_token") @Nullable String accessToken,
    @JsonProperty("token_type") @Nullable String tokenType,
    @JsonProperty("expires_in") @Nullable Long expiresIn) {

  @Override
  public String toString() {
    return "GraphTokenResponse[accessToken=****, tokenType="
        + tokenType
        + ", expiresIn="
        + expiresIn
        + "]";
  }
}
