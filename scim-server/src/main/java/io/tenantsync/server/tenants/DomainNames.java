package io.tenantsync.server.tenants;

import java.util.Locale;
import java.util.regex.Pattern;

/** DNS name rules for tenant domains (R13, R16). */
public final class DomainNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  public static final String INITIAL_SUFFIX = ".onmicrosoft.com";

  private DomainNames() {}

  /** A syntactically valid, fully qualified domain name of at least two labels. */
  public static boolean isValid(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.length() > 253 || lower.startsWith(".") || lower.endsWith(".")) {
      return false;
    }
    String[] labels = lower.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code <label>.onmicrosoft.com}, exactly one label before the suffix. */
  public static boolean isInitialDomain(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(INITIAL_SUFFIX)) {
      return false;
    }
    String label = lower.substring(0, lower.length() - INITIAL_SUFFIX.length());
    return LABEL.matcher(label).matches();
  }
}
