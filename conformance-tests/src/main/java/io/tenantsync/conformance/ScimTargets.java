package io.tenantsync.conformance;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Resolves the target of a run: configured ({@value ScimTarget#BASE_URL}) or, failing that, from
 * the one {@link ScimTargetProvider} on the class path, started once per JVM. Thread-safe.
 */
final class ScimTargets {

  private ScimTargets() {}

  static ScimTarget resolve(final Function<String, Optional<String>> parameters) {
    return ScimTarget.fromParameters(parameters).orElseGet(Provided::target);
  }

  /** Lazy holder: the provider runs when the first check needs it, and only once. */
  private static final class Provided {
    private static final ScimTarget TARGET;
    private static final RuntimeException FAILURE;

    static {
      ScimTarget target = null;
      RuntimeException failure = null;
      try {
        target = startProvider();
      } catch (final Exception e) {
        failure =
            new IllegalStateException("the ScimTargetProvider could not start a target: " + e, e);
      }
      TARGET = target;
      FAILURE = failure;
    }

    static ScimTarget target() {
      if (FAILURE != null) {
        throw FAILURE;
      }
      return TARGET;
    }

    private static ScimTarget startProvider() throws Exception {
      final Iterator<ScimTargetProvider> providers =
          ServiceLoader.load(ScimTargetProvider.class).iterator();
      if (!providers.hasNext()) {
        throw new IllegalStateException(
            "no target: pass -D"
                + ScimTarget.BASE_URL
                + "=… and -D"
                + ScimTarget.TOKEN
                + "=… (or --base-url/--token), or put a ScimTargetProvider on the class path");
      }
      return providers.next().start();
    }
  }
}
