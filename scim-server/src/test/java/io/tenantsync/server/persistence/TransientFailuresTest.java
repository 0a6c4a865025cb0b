package io.tenantsync.server.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
  private static RuntimeException wrapped(SQLException e) {
    return new OptimisticLockException(new RuntimeException("executing SQL", e));
  }

  @Test
  void deadlocksAndLockWaitTimeoutsAreLockConflictsWhateverWrapsThem() {
    assertTrue(
        TransientFailures.isLockConflict(wrapped(new SQLException("deadlock", "40001", 1213))));
    assertTrue(TransientFailures.isLockConflict(wrapped(new SQLException("wait", "HY000", 1205))));
    assertTrue(
        TransientFailures.isLockConflict(wrapped(new SQLException("h2 deadlock", "40001", 40001))));
    assertTrue(
        TransientFailures.isLockConflict(wrapped(new SQLException("h2 timeout", "HYT00", 50200))));
    assertTrue(TransientFailures.isLockConflict(new SQLException("h2 concurrent", "90131", 90131)));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(
        TransientFailures.isLockConflict(
            wrapped(new SQLIntegrityConstraintViolationException("dup", "23000", 1062))));
    assertFalse(TransientFailures.isLockConflict(new OptimisticLockException("stale version")));
    assertFalse(TransientFailures.isLockConflict(new IllegalStateException("boom")));
  }
}
