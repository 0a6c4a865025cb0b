package io.tenantsync.server.config;

/** A configuration value that cannot be used; the message names the variable and what it needs. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String variable, String value, String expected) {
    super(message(variable, value, expected));
  }

  public ConfigException(String variable, String value, String expected, Throwable cause) {
    super(message(variable, value, expected), cause);
  }

  private static String message(String variable, String value, String expected) {
    return "%s=%s is invalid: expected %s".formatted(variable, value, expected);
  }
}
