package io.tenantsync.connector;

import java.util.Objects;

/**
 * The end of a delta round: the link to pass to the next round and how many changes this one
 * streamed.
 */
public record DeltaResult(String deltaLink, long changes) {

  public DeltaResult {
    Objects.requireNonNull(deltaLink, "deltaLink");
  }
}
