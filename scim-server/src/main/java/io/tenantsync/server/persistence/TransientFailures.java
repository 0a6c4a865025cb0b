package io.tenantsync.server.persistence;

import java.sql.SQLException;

/**
 * Tells whether a failed transaction lost a lock conflict that running it again can resolve: a
 * deadlock the database broke by rolling this transaction back, or a lock wait that timed out.
 * Nothing the transaction wrote survives either, so {@link Database#inTransaction} runs it again.
 * Judged by the SQL error in the cause chain, whatever Hibernate wrapped it in: it reports a
 * MariaDB deadlock of an UPDATE as {@code jakarta.persistence.OptimisticLockException}, which must
 * not be mistaken for a lost version race (that would answer 412 to a client that sent {@code
 * If-Match}).
 *
 * <table>
 *   <caption>Recognised failures</caption>
 *   <tr><th>database</th><th>SQLState / error code</th><th>meaning</th></tr>
 *   <tr><td>any</td><td>40001</td><td>deadlock / serialization failure</td></tr>
 *   <tr><td>MariaDB, MySQL</td><td>1213</td><td>deadlock found when trying to get lock</td></tr>
 *   <tr><td>MariaDB, MySQL</td><td>1205</td><td>lock wait timeout exceeded</td></tr>
 *   <tr><td>H2</td><td>40001, 50200, 90131</td><td>deadlock, lock timeout, concurrent update</td></tr>
 * </table>
 */
public final class TransientFailures {
  private static final int MYSQL_DEADLOCK = 1213;
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int H2_LOCK_TIMEOUT = 50200;
  private static final int H2_CONCURRENT_UPDATE = 90131;

  private TransientFailures() {}

  /** True when {@code failure} or one of its causes is a lost lock conflict. */
  public static boolean isLockConflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && isLockConflict(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLockConflict(SQLException e) {
    int code = e.getErrorCode();
    return "40001".equals(e.getSQLState())
        || code == MYSQL_DEADLOCK
        || code == MYSQL_LOCK_WAIT_TIMEOUT
        || code == H2_LOCK_TIMEOUT
        || code == H2_CONCURRENT_UPDATE;
  }
}
