package io.tenantsync.conformance;

/**
 * Supplies the target when no {@value ScimTarget#BASE_URL} is configured, found with {@link
 * java.util.ServiceLoader}. TenantSync's own build registers one that starts the server in-process;
 * another server's build may register one that starts that server.
 *
 * <p>{@link #start()} is called at most once per JVM; the provider owns what it started and stops
 * it when the JVM exits (a shutdown hook is enough).
 */
public interface ScimTargetProvider {

  /** Starts (or locates) a server and returns a target with a working token. */
  ScimTarget start() throws Exception;
}
