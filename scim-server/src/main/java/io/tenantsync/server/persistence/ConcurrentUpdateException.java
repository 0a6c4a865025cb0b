package io.tenantsync.server.persistence;

/**
 * Another transaction changed the same row first (optimistic locking). Callers either retry the
 * whole transaction or, when the client named a version, answer 412.
 */
public final class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(Throwable cause) {
    super("concurrent update", cause);
  }
}
