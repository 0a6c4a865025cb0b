package io.tenantsync.server.persistence;

import io.tenantsync.server.config.ServerConfig;
import java.util.Map;

/** The databases TenantSync runs on, and what differs between them in DDL and SQL. */
public enum DatabaseKind {
  MYSQL(
      Map.of(
          "table_options", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
          "clob", "LONGTEXT")),
  H2(Map.of("table_options", "", "clob", "CLOB"));

  private final Map<String, String> migrationPlaceholders;

  DatabaseKind(Map<String, String> migrationPlaceholders) {
    this.migrationPlaceholders = migrationPlaceholders;
  }

  public static DatabaseKind of(ServerConfig config) {
    return config.isMySql() ? MYSQL : H2;
  }

  /** Values for the {@code ${...}} placeholders in the versioned migrations. */
  public Map<String, String> migrationPlaceholders() {
    return migrationPlaceholders;
  }

  /**
   * An index hint that restricts the planner to {@code index} on the table it follows ({@code USE
   * INDEX}) on MySQL/MariaDB, which otherwise weigh every index sharing the condition's leading
   * column on each execution; nothing on H2, whose constraint indexes carry names of its own.
   */
  public String useIndex(String index) {
    return this == MYSQL ? " use index (" + index + ")" : "";
  }

  /** Whether {@code SELECT … FOR UPDATE SKIP LOCKED} is available (MySQL 8, MariaDB 10.6+). */
  public boolean supportsSkipLocked() {
    return this == MYSQL;
  }
}
