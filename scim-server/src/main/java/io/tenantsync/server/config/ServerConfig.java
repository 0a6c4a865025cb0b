package io.tenantsync.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The whole configuration of one server process, immutable and validated at start-up.
 *
 * <p>Built from environment variables (API.md, "Running"); a bad value fails the start with a
 * {@link ConfigException} naming the variable. Port 0 picks a free port (tests).
 *
 * @param port HTTP port ({@code TENANTSYNC_PORT}, default 8080)
 * @param dbUrl JDBC URL ({@code TENANTSYNC_DB_URL}); default: an H2 file under {@code ./data}
 * @param dbUser database user, may be null
 * @param dbPassword database password, may be null; never logged
 * @param operatorToken the operator's bearer token; null means "generate on first start"
 * @param reconcileInterval time between automatic reconciliations; {@link Duration#ZERO} disables
 */
public record ServerConfig(
    int port,
    String dbUrl,
    @Nullable String dbUser,
    @Nullable String dbPassword,
    @Nullable String operatorToken,
    Duration reconcileInterval) {

  public static final String PORT = "TENANTSYNC_PORT";
  public static final String DB_URL = "TENANTSYNC_DB_URL";
  public static final String DB_USER = "TENANTSYNC_DB_USER";
  public static final String DB_PASSWORD = "TENANTSYNC_DB_PASSWORD";
  public static final String OPERATOR_TOKEN = "TENANTSYNC_OPERATOR_TOKEN";
  public static final String RECONCILE_INTERVAL = "TENANTSYNC_RECONCILE_INTERVAL";

  /** The embedded default: a file database under ./data, created on first start. */
  public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/tenantsync";

  private static final Pattern URL_PASSWORD_OPTION =
      Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");
  private static final Pattern URL_USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]+:)[^/@]*@");

  /** Shortest operator token accepted from the environment. */
  static final int MIN_TOKEN_LENGTH = 20;

  public ServerConfig {
    Objects.requireNonNull(dbUrl, "dbUrl");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
  }

  /** Reads and validates the configuration; unknown variables are ignored. */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    return new ServerConfig(
        parsePort(env.get(PORT)),
        parseDbUrl(env.get(DB_URL)),
        blankToNull(env.get(DB_USER)),
        blankToNull(env.get(DB_PASSWORD)),
        parseOperatorToken(env.get(OPERATOR_TOKEN)),
        parseInterval(env.get(RECONCILE_INTERVAL)));
  }

  /** True when the database is MySQL or MariaDB (through mysql-connector-j). */
  public boolean isMySql() {
    return dbUrl.startsWith("jdbc:mysql:") || dbUrl.startsWith("jdbc:mariadb:");
  }

  /** The directory of an H2 file database, if that is what is configured. */
  public @Nullable Path h2FileDirectory() {
    String prefix = "jdbc:h2:file:";
    if (!dbUrl.startsWith(prefix)) {
      return null;
    }
    String path = dbUrl.substring(prefix.length()).split(";", 2)[0];
    Path parent = Path.of(path).getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private static int parsePort(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return 8080;
    }
    try {
      int port = Integer.parseInt(raw.trim());
      if (port < 0 || port > 65535) {
        throw new ConfigException(PORT, raw, "a port number from 0 to 65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(PORT, raw, "a port number from 0 to 65535", e);
    }
  }

  private static String parseDbUrl(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_DB_URL;
    }
    String url = raw.trim();
    if (!(url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:h2:"))) {
      throw new ConfigException(
          DB_URL,
          url,
          "a JDBC URL starting with jdbc:mysql:// (MySQL 8 / MariaDB 10.6+) or jdbc:h2:");
    }
    return url;
  }

  private static @Nullable String parseOperatorToken(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.length() < MIN_TOKEN_LENGTH || raw.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException(
          OPERATOR_TOKEN,
          "(hidden)",
          "at least " + MIN_TOKEN_LENGTH + " characters without white space");
    }
    return raw;
  }

  private static Duration parseInterval(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return Duration.ofMinutes(15);
    }
    String value = raw.trim();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    try {
      Duration interval = Duration.parse(value);
      if (interval.isNegative()) {
        throw new ConfigException(RECONCILE_INTERVAL, raw, "a positive ISO-8601 duration or 0");
      }
      return interval;
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          RECONCILE_INTERVAL, raw, "an ISO-8601 duration such as PT15M, or 0 to disable", e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String raw) {
    return raw == null || raw.isBlank() ? null : raw;
  }

  /**
   * The JDBC URL fit for logs and error messages: a password given inside it ({@code
   * user:secret@host}, {@code password=secret}) is replaced by {@code ***}.
   */
  public String dbUrlForDisplay() {
    return URL_USER_INFO_PASSWORD
        .matcher(URL_PASSWORD_OPTION.matcher(dbUrl).replaceAll("$1***"))
        .replaceFirst("$1***@");
  }

  /** Never prints secrets: no password, no token, a masked URL. */
  @Override
  public String toString() {
    return ("ServerConfig[port=%d, dbUrl=%s, dbUser=%s, dbPassword=%s, operatorToken=%s,"
            + " reconcileInterval=%s]")
        .formatted(
            port,
            dbUrlForDisplay(),
            dbUser,
            dbPassword == null ? "(none)" : "***",
            operatorToken == null ? "(generated)" : "*** (from environment)",
            reconcileInterval);
  }
}
