package io.tenantsync.server.health;

/**
 * Whether this process should be sent new work: true from start until SIGTERM begins the drain.
 * Load balancers poll {@code /readyz}; during the drain it answers 503 so that they stop routing
 * here while the requests already in flight finish. Thread-safe (one volatile flag).
 */
public final class Readiness {
  private volatile boolean draining;

  /** Called once the stop has begun; there is no way back. */
  public void startDraining() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }
}
