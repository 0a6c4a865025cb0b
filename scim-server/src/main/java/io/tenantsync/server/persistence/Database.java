package io.tenantsync.server.persistence;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tenantsync.server.config.ServerConfig;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of one server process: a HikariCP pool, the schema brought up to date by Flyway's
 * versioned migrations, and a Hibernate {@link SessionFactory} over the listed entity classes
 * (explicit, no scanning).
 *
 * <p>Thread-safe. {@link #inTransaction} is the one transaction boundary: each service method opens
 * exactly one.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final HikariDataSource readSource;
  private final HikariDataSource preparedSource;
  private final DatabaseKind kind;
  private final SessionFactory sessionFactory;

  private final SchemaState schema;

  private Database(
      HikariDataSource dataSource,
      HikariDataSource readSource,
      HikariDataSource preparedSource,
      DatabaseKind kind,
      SessionFactory sessionFactory,
      SchemaState schema) {
    this.dataSource = dataSource;
    this.readSource = readSource;
    this.preparedSource = preparedSource;
    this.kind = kind;
    this.sessionFactory = sessionFactory;
    this.schema = schema;
  }

  /**
   * The schema as this process left it at start: the version Flyway reports as current and how many
   * migrations this start applied (none pending once the server serves).
   */
  public record SchemaState(String version, int appliedAtStart) {}

  /**
   * Connects, migrates and builds the session factory; fails fast if any step fails, with a {@link
   * io.tenantsync.server.config.ConfigException} when the database cannot be reached or refuses the
   * credentials.
   */
  public static Database open(ServerConfig config, List<Class<?>> entityClasses) {
    DatabaseKind kind = DatabaseKind.of(config);
    ConnectionCheck.connect(config, jdbcUrl(config, kind));
    HikariDataSource dataSource = pool(config, kind, "tenantsync", false, jdbcUrl(config, kind));
    HikariDataSource readSource = null;
    HikariDataSource preparedSource = null;
    try {
      SchemaState schema = migrate(dataSource, kind);
      readSource = pool(config, kind, "tenantsync-read", true, jdbcUrl(config, kind));
      preparedSource =
          pool(config, kind, "tenantsync-prepared", true, preparedJdbcUrl(config, kind));
      return new Database(
          dataSource,
          readSource,
          preparedSource,
          kind,
          sessionFactory(dataSource, kind, entityClasses),
          schema);
    } catch (RuntimeException e) {
      for (HikariDataSource pool : new HikariDataSource[] {preparedSource, readSource}) {
        if (pool != null) {
          pool.close();
        }
      }
      dataSource.close();
      throw e;
    }
  }

  /**
   * The write pool runs transactions (autocommit off); the read pools (autocommit on, read-only)
   * serve {@link #read} and {@link #preparedDataSource}: a read then costs its statements and
   * nothing else, no COMMIT round trip.
   */
  private static HikariDataSource pool(
      ServerConfig config, DatabaseKind kind, String name, boolean reads, String url) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setJdbcUrl(url);
    hikari.setUsername(config.dbUser());
    hikari.setPassword(config.dbPassword());
    hikari.setMaximumPoolSize(20);
    hikari.setAutoCommit(reads);
    hikari.setReadOnly(reads);
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setConnectionTimeout(10_000);
    hikari.setInitializationFailTimeout(15_000);
    return new HikariDataSource(hikari);
  }

  /**
   * {@link #jdbcUrl}, but statements prepared on the server and kept there, a few per connection:
   * MariaDB then parses and prepares a statement once per connection instead of on every execution,
   * which for a statement of many joins is half its CPU. Only for fixed statements (see {@link
   * #preparedDataSource}): each distinct one holds a server-side handle per connection, and the
   * server caps them ({@code max_prepared_stmt_count}) across all connections of all nodes.
   */
  static String preparedJdbcUrl(ServerConfig config, DatabaseKind kind) {
    if (kind != DatabaseKind.MYSQL) {
      return jdbcUrl(config, kind);
    }
    return jdbcUrl(
        withDefaults(config.dbUrl(), '?', '&', "useServerPrepStmts=true", "prepStmtCacheSize=16"),
        kind);
  }

  /** Adds the driver options TenantSync relies on, unless the operator set them already. */
  static String jdbcUrl(ServerConfig config, DatabaseKind kind) {
    return jdbcUrl(config.dbUrl(), kind);
  }

  private static String jdbcUrl(String url, DatabaseKind kind) {
    if (kind == DatabaseKind.MYSQL) {
      return withDefaults(
          url,
          '?',
          '&',
          "connectionTimeZone=UTC",
          "forceConnectionTimeZoneToSession=true",
          "characterEncoding=UTF-8",
          "rewriteBatchedStatements=true",
          "useServerPrepStmts=false",
          "cachePrepStmts=true",
          "prepStmtCacheSize=500",
          "prepStmtCacheSqlLimit=2048",
          // Column definitions come with every result; with the statement's cached, the driver
          // skips them instead of decoding each one (a tenth of a point read's CPU in the server).
          // Statements name their columns and the schema changes only at start, so they hold.
          "cacheResultSetMetadata=true",
          // Track autocommit and isolation in the driver instead of asking the server: saves
          // round trips on every transaction. Not useLocalTransactionState: it skips ROLLBACK
          // when the server has not flagged a transaction yet (a first statement that failed
          // on a duplicate key), leaving that statement's locks on the pooled connection.
          "useLocalSessionState=true",
          "cacheServerConfiguration=true",
          // A database that does not answer fails the start (or a request) in seconds, not never.
          "connectTimeout=10000");
    }
    return withDefaults(url, ';', ';', "DB_CLOSE_ON_EXIT=FALSE", "LOCK_TIMEOUT=10000");
  }

  private static String withDefaults(String url, char first, char next, String... options) {
    StringBuilder result = new StringBuilder(url);
    for (String option : options) {
      String key = option.substring(0, option.indexOf('=') + 1);
      if (!url.toLowerCase().contains(key.toLowerCase())) {
        boolean hasOptions = result.indexOf(String.valueOf(first)) >= 0;
        result.append(hasOptions ? next : first).append(option);
      }
    }
    return result.toString();
  }

  private static SchemaState migrate(DataSource dataSource, DatabaseKind kind) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholders(kind.migrationPlaceholders())
            .failOnMissingLocations(true)
            .load();
    int applied = flyway.migrate().migrationsExecuted;
    MigrationInfo current = flyway.info().current();
    String version = current == null ? "none" : current.getVersion().getVersion();
    log.info("database schema at version {} ({} migration(s) applied now)", version, applied);
    return new SchemaState(version, applied);
  }

  private static SessionFactory sessionFactory(
      DataSource dataSource, DatabaseKind kind, List<Class<?>> entityClasses) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            .applySetting(AvailableSettings.DIALECT, dialect(dataSource, kind))
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
            .applySetting(AvailableSettings.JDBC_TIME_ZONE, "UTC")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
            .applySetting(AvailableSettings.ORDER_INSERTS, true)
            .applySetting(AvailableSettings.ORDER_UPDATES, true)
            .applySetting(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 100)
            .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
            .applySetting(AvailableSettings.QUERY_PLAN_CACHE_MAX_SIZE, 4096)
            .applySetting(AvailableSettings.SHOW_SQL, false)
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entityClasses.forEach(sources::addAnnotatedClass);
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** MariaDB speaks MySQL's protocol but not all of its SQL: pick the dialect from the server. */
  private static String dialect(DataSource dataSource, DatabaseKind kind) {
    if (kind == DatabaseKind.H2) {
      return "org.hibernate.dialect.H2Dialect";
    }
    try (Connection connection = dataSource.getConnection()) {
      String version = connection.getMetaData().getDatabaseProductVersion();
      return version.toLowerCase().contains("mariadb")
          ? "org.hibernate.dialect.MariaDBDialect"
          : "org.hibernate.dialect.MySQLDialect";
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database version", e);
    }
  }

  /** The work of one transaction; may refuse with a SCIM exception, which rolls it back. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Session session) throws ScimException;
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. A
   * unique-constraint violation becomes 409 {@code uniqueness} (two requests racing for the same
   * name); a lost optimistic-locking race becomes {@link ConcurrentUpdateException}.
   *
   * <p>A transaction the database rolled back to break a deadlock, or whose lock wait timed out
   * ({@link TransientFailures}), is run again from the start, up to {@link #LOCK_CONFLICT_ATTEMPTS}
   * times with a short random pause, so lock conflicts between concurrent requests never reach the
   * client as 500; after the last attempt the client gets 503 and may retry. {@code work} must
   * therefore have no effect outside the session (every service method qualifies).
   */
  public <T> T inTransaction(Work<T> work) throws ScimException {
    for (int attempt = 1; ; attempt++) {
      try {
        return inOneTransaction(work);
      } catch (RuntimeException e) {
        if (!TransientFailures.isLockConflict(e)) {
          throw e;
        }
        if (attempt >= LOCK_CONFLICT_ATTEMPTS) {
          log.warn("transaction lost {} lock conflicts in a row; giving up", attempt, e);
          throw new ScimException(
              503, null, "the database was busy with conflicting changes; retry the request");
        }
        log.debug("transaction lost a lock conflict (attempt {}); running it again", attempt, e);
        pauseBeforeRetry(attempt);
      }
    }
  }

  /** Attempts of a transaction that keeps losing deadlocks or lock waits. */
  static final int LOCK_CONFLICT_ATTEMPTS = 5;

  private static void pauseBeforeRetry(int attempt) throws ScimException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScimException(503, null, "interrupted while retrying; retry the request");
    }
  }

  private <T> T inOneTransaction(Work<T> work) throws ScimException {
    try {
      return sessionFactory.fromTransaction(
          session -> {
            try {
              return work.run(session);
            } catch (ScimException e) {
              throw new Refused(e);
            }
          });
    } catch (Refused e) {
      throw e.scimException;
    } catch (ConstraintViolationException e) {
      throw UniqueConstraints.conflict(e);
    } catch (OptimisticLockException | StaleStateException e) {
      throw new ConcurrentUpdateException(e);
    } catch (PersistenceException e) {
      // A violation raised by an explicit flush inside the work arrives wrapped.
      if (e.getCause() instanceof ConstraintViolationException violation) {
        throw UniqueConstraints.conflict(violation);
      }
      throw e;
    }
  }

  /**
   * Runs {@code work}, which only reads, on a read-only connection in autocommit mode: each
   * statement sees what was committed when it ran, as each statement of a READ COMMITTED
   * transaction does, without the transaction's BEGIN/COMMIT. The session neither flushes nor
   * tracks changes (entities are loaded read-only), so a read can never write by accident.
   */
  public <T> T read(Work<T> work) throws ScimException {
    try (Connection connection = readSource.getConnection();
        Session session =
            sessionFactory
                .withOptions()
                .connection(connection)
                .flushMode(FlushMode.MANUAL)
                .openSession()) {
      session.setDefaultReadOnly(true);
      return work.run(session);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database", e);
    }
  }

  /** As {@link #read}, for infrastructure reads that refuse nothing (e.g. token lookup). */
  public <T> T readPlain(java.util.function.Function<Session, T> work) {
    try {
      return read(work::apply);
    } catch (ScimException e) {
      throw new IllegalStateException("a plain read cannot refuse", e);
    }
  }

  /**
   * Adds a Hibernate event listener to every session of this database: for effects that must commit
   * with the entity changes that cause them (say, {@code auth.ReachGeneration}'s counter).
   */
  public <T> void appendListener(EventType<T> type, T listener) {
    sessionFactory
        .unwrap(SessionFactoryImplementor.class)
        .getServiceRegistry()
        .requireService(EventListenerRegistry.class)
        .appendListeners(type, listener);
  }

  /**
   * One transaction for infrastructure work that refuses nothing (token lookup, bootstrap): no
   * checked exception, constraint violations surface as Hibernate's.
   */
  public <T> T inPlainTransaction(java.util.function.Function<Session, T> work) {
    return sessionFactory.fromTransaction(work);
  }

  /**
   * Like {@link #inTransaction}, but runs the work again (up to {@code attempts} times) when a
   * concurrent writer won an optimistic-locking race: for changes that do not depend on a version
   * the client saw (no {@code If-Match}).
   */
  public <T> T inTransactionRetrying(int attempts, Work<T> work) throws ScimException {
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(work);
      } catch (ConcurrentUpdateException e) {
        if (attempt >= attempts) {
          throw e;
        }
      }
    }
  }

  /** Carries a checked SCIM refusal out of Hibernate's transaction callback. */
  private static final class Refused extends RuntimeException {
    private final ScimException scimException;

    Refused(ScimException scimException) {
      super(null, null, false, false);
      this.scimException = scimException;
    }
  }

  public DatabaseKind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The pool behind {@link #read}. */
  public DataSource readDataSource() {
    return readSource;
  }

  /**
   * A read pool (autocommit on, read-only) for the few fixed statements run on every request —
   * authentication, the hot user reads — whose connections keep them prepared on the server. Not
   * for statements built per request (lists of varying length, Hibernate's): each distinct text
   * would take a server-side handle on every connection.
   */
  public DataSource preparedDataSource() {
    return preparedSource;
  }

  /** The schema state reached at start; reported by {@code /readyz}. */
  public SchemaState schema() {
    return schema;
  }

  /** True when a connection can be had and answers; used by {@code /readyz}. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      log.debug("database not reachable", e);
      return false;
    }
  }

  @Override
  public void close() {
    sessionFactory.close();
    preparedSource.close();
    readSource.close();
    dataSource.close();
  }
}
