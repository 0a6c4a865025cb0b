package io.tenantsync.server.auth;

import io.tenantsync.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a bearer secret to its {@link Caller}: the operator's environment token by a
 * constant-time hash comparison, every other token by its hash in {@code api_token}. No cache, so a
 * revocation holds from the very next request on every node (the hot reads' {@link ReachCache}
 * keeps that promise through the {@link ReachGeneration}). Thread-safe.
 *
 * <p>When the request path names a tenant, the same query also resolves the caller's reach into it
 * ({@link ReachQuery}: a reseller's active, unexpired relationships; a tenant token's own tenant),
 * so a tenant-level request pays one round trip for authentication and authorisation together.
 */
public final class Authenticator {
  private static final String REACH = "select " + ReachQuery.COLUMNS + ReachQuery.from("");

  private final Database database;
  private final @Nullable String operatorTokenHash;

  public Authenticator(Database database, @Nullable String operatorToken) {
    this.database = database;
    this.operatorTokenHash = operatorToken == null ? null : Tokens.hash(operatorToken);
  }

  public Optional<Caller> authenticate(String secret) {
    return authenticate(secret, null);
  }

  /** As {@link #authenticate(String)}, resolving the reach into {@code pathTenantId} if given. */
  public Optional<Caller> authenticate(String secret, @Nullable String pathTenantId) {
    String hash = Tokens.hash(secret);
    if (isOperator(hash)) {
      return Optional.of(new Caller(Caller.Kind.OPERATOR, null, null));
    }
    if (pathTenantId == null) {
      return database.readPlain(session -> byHash(session, hash));
    }
    try (Connection connection = database.preparedDataSource().getConnection();
        PreparedStatement select = connection.prepareStatement(REACH)) {
      ReachQuery.bindToken(select, ReachQuery.bindReach(select, 1, pathTenantId), hash);
      ReachQuery.Reader reader = new ReachQuery.Reader(pathTenantId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          reader.accept(rows, 1);
        }
      }
      return reader.caller();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database", e);
    }
  }

  /**
   * The hash a stored token is looked up by ({@link ReachQuery}); empty for the operator's secret,
   * which is checked without the database: a caller that reads along with the token lookup leaves
   * the operator to {@link #authenticate(String, String)}.
   */
  public Optional<String> storedTokenHash(String secret) {
    String hash = Tokens.hash(secret);
    return isOperator(hash) ? Optional.empty() : Optional.of(hash);
  }

  private boolean isOperator(String hash) {
    return operatorTokenHash != null && Tokens.sameHash(hash, operatorTokenHash);
  }

  private static Optional<Caller> byHash(Session session, String hash) {
    return session
        .createSelectionQuery(
            "from ApiTokenEntity where tokenHash = :hash and revokedAt is null",
            ApiTokenEntity.class)
        .setParameter("hash", hash)
        .uniqueResultOptional()
        .map(ApiTokenEntity::toCaller);
  }
}
