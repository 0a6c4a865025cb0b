package io.tenantsync.server.testing;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Records every statement a MySQL/MariaDB connection sends, exactly as sent: with client-side
 * prepared statements ({@code useServerPrepStmts=false}, which the URL must then name for every
 * pool: TenantSync's prepared pool otherwise prepares on the server) the text carries the bound
 * values and can be {@code EXPLAIN}ed as is. Enabled by adding {@code queryInterceptors=} this
 * class to a JDBC URL (a server started for inspection, never the shared test server).
 *
 * <pre>{@code
 * SqlLog.clear();
 * node.get(...);
 * List<SqlLog.Statement> sent = SqlLog.drain(s -> s.thread().startsWith("qtp"));
 * }</pre>
 *
 * <p>The log is one process-wide queue because the driver instantiates interceptors itself; it is
 * thread-safe, and records the thread that sent each statement so callers can keep only the request
 * threads (Jetty's {@code qtp…}) and leave out background workers.
 */
public final class SqlLog implements QueryInterceptor {
  private static final ConcurrentLinkedQueue<Statement> SENT = new ConcurrentLinkedQueue<>();

  /** One statement and the name of the thread that sent it. */
  public record Statement(String thread, String sql) {}

  /** The {@code queryInterceptors} option that enables the log on a JDBC URL. */
  public static String urlOption() {
    return "queryInterceptors=" + SqlLog.class.getName();
  }

  public static void clear() {
    SENT.clear();
  }

  /** The statements recorded since the last clear or drain that match {@code keep}; clears. */
  public static List<Statement> drain(Predicate<Statement> keep) {
    List<Statement> result = new ArrayList<>();
    for (Statement statement; (statement = SENT.poll()) != null; ) {
      if (keep.test(statement)) {
        result.add(statement);
      }
    }
    return result;
  }

  @Override
  public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
    return this;
  }

  @Override
  public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
    String text = sql.get();
    if (text != null) {
      SENT.add(new Statement(Thread.currentThread().getName(), text));
    }
    return null;
  }

  @Override
  public boolean executeTopLevelOnly() {
    return true;
  }

  @Override
  public void destroy() {}

  @Override
  public <T extends Resultset> T postProcess(
      Supplier<String> sql, Query query, T originalResultSet, ServerSession serverSession) {
    return null;
  }
}
