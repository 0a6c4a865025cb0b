package io.tenantsync.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each check its {@link Scim}: the target comes from the configuration parameters of the run
 * ({@code scim.baseUrl}…, which fall back to system properties) or from the class path's {@link
 * ScimTargetProvider}. The instance lives in the check's store and is closed, deleting its
 * fixtures, when the check ends.
 */
public final class ScimExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ScimExtension.class);

  @Override
  public boolean supportsParameter(
      final ParameterContext parameterContext, final ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == Scim.class;
  }

  @Override
  public Object resolveParameter(
      final ParameterContext parameterContext, final ExtensionContext extensionContext) {
    final ScimTarget target = ScimTargets.resolve(extensionContext::getConfigurationParameter);
    return extensionContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Scim.class, key -> new Scim(target), Scim.class);
  }
}
