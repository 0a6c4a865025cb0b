package io.tenantsync.server.config;

/** A configuration value that cannot be used; the message names the variable and what it needs. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String variable, String value, String expected) {
    super(message(variable, value, expected));
  }

  public ConfigException(String variable, String value, String expected, Throwable cause) {
    super(message(variable, value, expected), cause);
  }

  private ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A value that is well formed but does not work at start-up (an unreachable database, a port in
   * use): "{@code VARIABLE=value cannot be used: problem}".
   */
  public static ConfigException unusable(
      String variable, String shownValue, String problem, Throwable cause) {
    return new ConfigException(
        "%s=%s cannot be used: %s".formatted(variable, shownValue, problem), cause);
  }

  private static String message(String variable, String value, String expected) {
    return "%s=%s is invalid: expected %s".formatted(variable, value, expected);
  }
}
