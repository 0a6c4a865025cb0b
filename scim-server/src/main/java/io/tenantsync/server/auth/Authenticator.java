package io.tenantsync.server.auth;

import io.tenantsync.server.persistence.Database;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a bearer secret to its {@link Caller}: the operator's environment token by a
 * constant-time hash comparison, every other token by its hash in {@code api_token}. No cache, so a
 * revocation holds from the very next request on every node. Thread-safe.
 */
public final class Authenticator {
  private final Database database;
  private final @Nullable String operatorTokenHash;

  public Authenticator(Database database, @Nullable String operatorToken) {
    this.database = database;
    this.operatorTokenHash = operatorToken == null ? null : Tokens.hash(operatorToken);
  }

  public Optional<Caller> authenticate(String secret) {
    String hash = Tokens.hash(secret);
    if (operatorTokenHash != null && Tokens.sameHash(hash, operatorTokenHash)) {
      return Optional.of(new Caller(Caller.Kind.OPERATOR, null, null));
    }
    return database.inPlainTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from ApiTokenEntity where tokenHash = :hash and revokedAt is null",
                    ApiTokenEntity.class)
                .setParameter("hash", hash)
                .uniqueResultOptional()
                .map(ApiTokenEntity::toCaller));
  }
}
