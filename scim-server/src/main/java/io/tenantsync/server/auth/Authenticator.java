package io.tenantsync.server.auth;

import io.tenantsync.server.persistence.Database;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a bearer secret to its {@link Caller}: the operator's environment token by a
 * constant-time hash comparison, every other token by its hash in {@code api_token}. No cache, so a
 * revocation holds from the very next request on every node. Thread-safe.
 *
 * <p>When the request path names a tenant, the same query also resolves the caller's reach into it
 * ({@link TenantReach}: a reseller's active, unexpired relationships; a tenant token's own tenant),
 * so a tenant-level request pays one round trip for authentication and authorisation together.
 */
public final class Authenticator {
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
    if (operatorTokenHash != null && Tokens.sameHash(hash, operatorTokenHash)) {
      return Optional.of(new Caller(Caller.Kind.OPERATOR, null, null));
    }
    return database.readPlain(
        session ->
            pathTenantId == null ? byHash(session, hash) : withReach(session, hash, pathTenantId));
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

  /**
   * The token, joined to the reseller's active relationships with the tenant (none for a tenant
   * token: a tenant reaches only itself, and its tokens are revoked when it is deleted). Scalar
   * SQL: on the path of every tenant-level request, so no entity is built for it.
   */
  private static Optional<Caller> withReach(Session session, String hash, String tenantId) {
    List<Object[]> rows =
        session
            .createNativeQuery(
                "select t.id, t.subject_type, t.subject_id, r.role from api_token t"
                    + " left join delegated_admin_relationship r"
                    + " on t.subject_type = 'reseller' and r.reseller_id = t.subject_id"
                    + " and r.tenant_id = :tenant and r.status = 'active'"
                    + " and (r.expires_at is null or r.expires_at > :now)"
                    + " where t.token_hash = :hash and t.revoked_at is null",
                Object[].class)
            .setParameter("hash", hash)
            .setParameter("tenant", tenantId)
            .setParameter("now", System.currentTimeMillis())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] token = rows.get(0);
    Caller.Kind kind = Caller.Kind.valueOf(((String) token[1]).toUpperCase(Locale.ROOT));
    String subjectId = (String) token[2];
    AdminRights rights =
        switch (kind) {
          case OPERATOR -> AdminRights.GLOBAL;
          case TENANT -> tenantId.equals(subjectId) ? AdminRights.GLOBAL : null;
          case RESELLER -> strongest(rows);
        };
    return Optional.of(
        new Caller(kind, subjectId, (String) token[0], new TenantReach(tenantId, rights)));
  }

  private static @Nullable AdminRights strongest(List<Object[]> rows) {
    AdminRights strongest = null;
    for (Object[] row : rows) {
      if (row[3] != null) {
        AdminRights rights = DelegatedRole.fromWireName((String) row[3]).rights();
        if (strongest == null || rights.atLeast(strongest)) {
          strongest = rights;
        }
      }
    }
    return strongest;
  }
}
