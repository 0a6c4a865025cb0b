package io.tenantsync.server;

import io.tenantsync.server.auth.ApiTokenEntity;
import io.tenantsync.server.auth.ApiTokenService;
import io.tenantsync.server.auth.ApiTokensEndpoint;
import io.tenantsync.server.auth.AuthenticationFilter;
import io.tenantsync.server.auth.Authenticator;
import io.tenantsync.server.auth.OperatorTokenBootstrap;
import io.tenantsync.server.auth.ReachGeneration;
import io.tenantsync.server.bulk.BulkEndpoint;
import io.tenantsync.server.bulk.BulkService;
import io.tenantsync.server.bulk.GroupBulkTarget;
import io.tenantsync.server.bulk.UserBulkTarget;
import io.tenantsync.server.config.ConfigException;
import io.tenantsync.server.config.ServerConfig;
import io.tenantsync.server.directory.ConnectorCredentials;
import io.tenantsync.server.directory.TenantDirectories;
import io.tenantsync.server.discovery.DiscoveryEndpoint;
import io.tenantsync.server.discovery.InstallationDiscovery;
import io.tenantsync.server.discovery.TenantDiscovery;
import io.tenantsync.server.discovery.TenantDiscoveryEndpoint;
import io.tenantsync.server.groups.GroupEntity;
import io.tenantsync.server.groups.GroupMemberEntity;
import io.tenantsync.server.groups.GroupQueries;
import io.tenantsync.server.groups.GroupService;
import io.tenantsync.server.groups.GroupsEndpoint;
import io.tenantsync.server.health.HealthEndpoint;
import io.tenantsync.server.health.Readiness;
import io.tenantsync.server.imports.UserImportEndpoint;
import io.tenantsync.server.imports.UserImportService;
import io.tenantsync.server.outbox.OutboxEntity;
import io.tenantsync.server.outbox.OutboxWorkers;
import io.tenantsync.server.outbox.UserStateApplier;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.InstallationSecrets;
import io.tenantsync.server.persistence.SecretBox;
import io.tenantsync.server.products.ProductEntity;
import io.tenantsync.server.products.ProductService;
import io.tenantsync.server.products.ProductsEndpoint;
import io.tenantsync.server.products.UserLicenseEntity;
import io.tenantsync.server.protocol.CatchAllExceptionMapper;
import io.tenantsync.server.protocol.JsonErrorMapper;
import io.tenantsync.server.protocol.PayloadLimitFilter;
import io.tenantsync.server.protocol.PlainErrorFilter;
import io.tenantsync.server.protocol.ScimExceptionMapper;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.protocol.WebApplicationExceptionMapper;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.reconcile.ReconcileFindingEntity;
import io.tenantsync.server.reconcile.ReconcileWorker;
import io.tenantsync.server.reconcile.ReconciliationEntity;
import io.tenantsync.server.reconcile.ReconciliationService;
import io.tenantsync.server.reconcile.ReconciliationsEndpoint;
import io.tenantsync.server.relationships.OfferEntity;
import io.tenantsync.server.relationships.OfferService;
import io.tenantsync.server.relationships.OffersEndpoint;
import io.tenantsync.server.relationships.RelationshipEntity;
import io.tenantsync.server.relationships.RelationshipService;
import io.tenantsync.server.relationships.RelationshipsEndpoint;
import io.tenantsync.server.resellers.ResellerEntity;
import io.tenantsync.server.resellers.ResellerService;
import io.tenantsync.server.resellers.ResellersEndpoint;
import io.tenantsync.server.sandbox.GraphErrorFilter;
import io.tenantsync.server.sandbox.SandboxEndpoint;
import io.tenantsync.server.sandbox.SandboxSkuEntity;
import io.tenantsync.server.sandbox.SandboxUserEntity;
import io.tenantsync.server.search.RootSearchEndpoint;
import io.tenantsync.server.tenants.TenantEntity;
import io.tenantsync.server.tenants.TenantService;
import io.tenantsync.server.tenants.TenantsEndpoint;
import io.tenantsync.server.users.DeletedUserPurge;
import io.tenantsync.server.users.DeletedUserService;
import io.tenantsync.server.users.DeletedUsersEndpoint;
import io.tenantsync.server.users.HotUserReads;
import io.tenantsync.server.users.UserEntity;
import io.tenantsync.server.users.UserQueries;
import io.tenantsync.server.users.UserService;
import io.tenantsync.server.users.UsersEndpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The TenantSync process: Jetty 12 serving Jersey, wired explicitly here (no scanning). {@link
 * #main} reads the environment and serves until SIGTERM, then lets in-flight requests finish before
 * it stops; {@link #start} does the same for tests, on any port (0 = a free one).
 */
public final class TenantSyncServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TenantSyncServer.class);

  /** Every entity Hibernate maps, listed once. */
  static final List<Class<?>> ENTITIES =
      List.of(
          ApiTokenEntity.class,
          ResellerEntity.class,
          TenantEntity.class,
          OfferEntity.class,
          RelationshipEntity.class,
          SandboxUserEntity.class,
          SandboxSkuEntity.class,
          UserEntity.class,
          GroupEntity.class,
          GroupMemberEntity.class,
          ProductEntity.class,
          UserLicenseEntity.class,
          OutboxEntity.class,
          ReconciliationEntity.class,
          ReconcileFindingEntity.class);

  /** Outbox workers per node (MySQL/MariaDB; H2 has one, it cannot skip locked rows). */
  private static final int OUTBOX_WORKER_THREADS = 4;

  private static final long CURSOR_TIMEOUT_MILLIS = TenantDiscovery.CURSOR_TIMEOUT_SECONDS * 1000L;

  private final Server jetty;
  private final Database database;
  private final Readiness readiness;

  private final OutboxWorkers outboxWorkers;
  private final ReconcileWorker reconcileWorker;
  private final DeletedUserPurge deletedUserPurge;
  private final HotUserReads hotReads;

  private TenantSyncServer(
      Server jetty,
      Database database,
      Readiness readiness,
      OutboxWorkers outboxWorkers,
      ReconcileWorker reconcileWorker,
      DeletedUserPurge deletedUserPurge,
      HotUserReads hotReads) {
    this.jetty = jetty;
    this.database = database;
    this.readiness = readiness;
    this.outboxWorkers = outboxWorkers;
    this.reconcileWorker = reconcileWorker;
    this.deletedUserPurge = deletedUserPurge;
    this.hotReads = hotReads;
  }

  /** Exit status of a start refused for its configuration (a bad or unusable value). */
  static final int EXIT_BAD_CONFIGURATION = 2;

  /**
   * Serves until SIGTERM. A configuration that cannot be used ends the process with status {@value
   * #EXIT_BAD_CONFIGURATION} and one line on standard error naming the variable, without a stack.
   */
  public static void main(String[] args) throws Exception {
    TenantSyncServer server;
    try {
      server = start(ServerConfig.fromEnvironment(System.getenv()));
    } catch (ConfigException e) {
      System.err.println("tenantsync: cannot start: " + e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tenantsync-shutdown"));
    server.jetty.join();
  }

  /** Connects and migrates the database, then serves; returns once it accepts requests. */
  public static TenantSyncServer start(ServerConfig config) throws Exception {
    long started = System.nanoTime();
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    log.info("starting with {}", config);
    Server jetty = listening(config.port());
    Database database;
    try {
      database = Database.open(config, ENTITIES);
    } catch (RuntimeException e) {
      stopQuietly(jetty);
      throw e;
    }
    try {
      ReachGeneration.watch(database);
      OperatorTokenBootstrap.ensure(database, config.operatorToken(), System.out);
      SecretBox secretBox = new SecretBox(InstallationSecrets.key(database, "secret-box"));
      AtomicReference<URI> self = new AtomicReference<>();
      TenantDirectories directories =
          new TenantDirectories(
              database, secretBox, new ConnectorCredentials(database, secretBox), self::get);
      Readiness readiness = new Readiness();
      Authenticator authenticator = new Authenticator(database, config.operatorToken());
      HotUserReads hotReads =
          serve(
              jetty,
              application(config, database, authenticator, secretBox, readiness),
              database,
              authenticator);
      jetty.start();
      self.set(
          URI.create(
              "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()));
      OutboxWorkers workers =
          new OutboxWorkers(
              database,
              directories,
              new UserStateApplier(secretBox),
              OUTBOX_WORKER_THREADS,
              Duration.ofMillis(250));
      workers.start();
      ReconcileWorker reconciliations =
          new ReconcileWorker(
              database, directories, config.reconcileInterval(), Duration.ofMillis(500));
      reconciliations.start();
      DeletedUserPurge purge = new DeletedUserPurge(database, Clock.systemUTC());
      purge.start();
      TenantSyncServer server =
          new TenantSyncServer(
              jetty, database, readiness, workers, reconciliations, purge, hotReads);
      log.info(
          "ready in {} ms on port {}", (System.nanoTime() - started) / 1_000_000, server.port());
      return server;
    } catch (Exception e) {
      stopQuietly(jetty);
      database.close();
      throw e;
    }
  }

  private static ResourceConfig application(
      ServerConfig config,
      Database database,
      Authenticator authenticator,
      SecretBox secretBox,
      Readiness readiness) {
    CursorCodec cursors = new CursorCodec(InstallationSecrets.key(database, "cursor-signing"));
    ResourceConfig app = new ResourceConfig();
    app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    app.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    app.register(new ScimJsonProvider());
    app.register(new ScimExceptionMapper());
    app.register(new WebApplicationExceptionMapper());
    app.register(new JsonErrorMapper());
    app.register(new PayloadLimitFilter.PayloadTooLargeMapper());
    app.register(new CatchAllExceptionMapper());
    app.register(new PayloadLimitFilter());
    app.register(new AuthenticationFilter(authenticator));

    app.register(new HealthEndpoint(database, readiness));
    app.register(new DiscoveryEndpoint(InstallationDiscovery.create()));
    app.register(new TenantDiscoveryEndpoint(TenantDiscovery.create(), database));
    app.register(
        new ResellersEndpoint(new ResellerService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(
        new TenantsEndpoint(
            new TenantService(database, secretBox, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(
        new ApiTokensEndpoint(new ApiTokenService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(new OffersEndpoint(new OfferService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(
        new RelationshipsEndpoint(
            new RelationshipService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    UserService users =
        new UserService(database, new UserQueries(cursors, CURSOR_TIMEOUT_MILLIS), secretBox);
    app.register(new UsersEndpoint(users));
    app.register(new UserImportEndpoint(new UserImportService(users)));
    GroupService groups =
        new GroupService(database, new GroupQueries(cursors, CURSOR_TIMEOUT_MILLIS));
    app.register(new GroupsEndpoint(groups));
    app.register(new RootSearchEndpoint(users, groups));
    app.register(
        new BulkEndpoint(
            new BulkService(
                database, List.of(new UserBulkTarget(users), new GroupBulkTarget(groups)))));
    app.register(
        new ProductsEndpoint(new ProductService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(
        new DeletedUsersEndpoint(new DeletedUserService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(
        new ReconciliationsEndpoint(
            new ReconciliationService(database, cursors, CURSOR_TIMEOUT_MILLIS)));
    app.register(SandboxEndpoint.create(database, config.operatorToken()));
    app.register(new GraphErrorFilter());
    app.register(new PlainErrorFilter());
    return app;
  }

  /**
   * A Jetty server that already holds its listening socket, so that a port that cannot be used
   * stops the start before the database is touched, with a message naming {@code TENANTSYNC_PORT}.
   */
  private static Server listening(int port) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(30_000);
    try {
      connector.open();
    } catch (IOException e) {
      throw ConfigException.unusable(
          ServerConfig.PORT,
          String.valueOf(port),
          "cannot listen on it (" + e.getMessage() + "); is another process using it?",
          e);
    }
    return server;
  }

  /**
   * The application behind the graceful handler that lets in-flight requests finish on stop, with
   * the hot user reads answered in front of it (same drain, same connections).
   */
  private static HotUserReads serve(
      Server server, ResourceConfig app, Database database, Authenticator authenticator) {
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
    context.setErrorHandler(new JsonErrorHandler());
    HotUserReads hotReads = new HotUserReads(context, database, authenticator);
    server.setHandler(new ProbesPastDrain(new GracefulHandler(hotReads), context));
    return hotReads;
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
      for (var connector : jetty.getConnectors()) {
        if (connector instanceof ServerConnector server) {
          server.close();
        }
      }
    } catch (Exception e) {
      log.warn("error while releasing the HTTP port after a failed start", e);
    }
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** The database this server uses (tests inspect its pool). */
  /** The node's fast path for user reads (tests check it answered). */
  public HotUserReads hotReads() {
    return hotReads;
  }

  /** The node's reconciliation worker (tests stop and restart it to run their own). */
  public ReconcileWorker reconcileWorker() {
    return reconcileWorker;
  }

  public Database database() {
    return database;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * Stops accepting connections and reports not ready, lets in-flight requests finish (up to 30 s),
   * then closes the database.
   */
  @Override
  public void close() {
    try {
      readiness.startDraining();
      if (jetty.isRunning()) {
        log.info("stopping: draining in-flight requests (/readyz answers 503)");
        jetty.stop();
      }
      deletedUserPurge.close();
      reconcileWorker.close();
      outboxWorkers.close();
    } catch (Exception e) {
      log.warn("error while stopping the HTTP server", e);
    } finally {
      database.close();
      log.info("stopped");
    }
  }
}
