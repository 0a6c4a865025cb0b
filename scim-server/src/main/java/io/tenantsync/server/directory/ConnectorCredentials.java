package io.tenantsync.server.directory;

import io.tenantsync.server.auth.ApiTokenEntity;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.Tokens;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.persistence.SecretBox;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The token the connector uses to reach a tenant's sandbox: an ordinary {@code ApiTokens} token of
 * that tenant (so the tenant sees it and can revoke it), created on first use, whose secret is kept
 * sealed so that every node's workers can use it. A revoked one is replaced on next use. When two
 * nodes create one at once, the primary key lets one win and the other reads the winner's.
 * Thread-safe.
 */
public final class ConnectorCredentials {
  static final String DISPLAY_NAME = "TenantSync connector (sandbox)";

  private final Database database;
  private final SecretBox secretBox;

  public ConnectorCredentials(Database database, SecretBox secretBox) {
    this.database = database;
    this.secretBox = secretBox;
  }

  /** The secret of the tenant's connector token, creating the token if needed. */
  public String secretFor(String tenantId) {
    String existing = database.inPlainTransaction(session -> current(session, tenantId));
    if (existing != null) {
      return existing;
    }
    String secret = Tokens.newSecret();
    try {
      database.inPlainTransaction(
          session -> {
            session
                .createNativeMutationQuery(
                    "delete from connector_credential where tenant_id = :tenant")
                .setParameter("tenant", tenantId)
                .executeUpdate();
            ApiTokenEntity token =
                new ApiTokenEntity(
                    Ids.newId(),
                    Caller.Kind.TENANT,
                    tenantId,
                    DISPLAY_NAME,
                    Tokens.hash(secret),
                    Tokens.displayPrefix(secret));
            session.persist(token);
            session.flush();
            session
                .createNativeMutationQuery(
                    "insert into connector_credential (tenant_id, token_id, sealed_secret, created_at)"
                        + " values (:tenant, :token, :secret, :now)")
                .setParameter("tenant", tenantId)
                .setParameter("token", token.id())
                .setParameter("secret", secretBox.seal(secret))
                .setParameter("now", System.currentTimeMillis())
                .executeUpdate();
            return null;
          });
      return secret;
    } catch (ConstraintViolationException e) {
      String winner = database.inPlainTransaction(session -> current(session, tenantId));
      if (winner == null) {
        throw new IllegalStateException(
            "cannot create the connector token of tenant " + tenantId, e);
      }
      return winner;
    }
  }

  /** The stored secret if its token is still valid, else null. */
  private String current(org.hibernate.Session session, String tenantId) {
    Object[] row =
        session
            .createNativeQuery(
                "select c.sealed_secret, t.revoked_at from connector_credential c"
                    + " join api_token t on t.id = c.token_id where c.tenant_id = :tenant",
                Object[].class)
            .setParameter("tenant", tenantId)
            .uniqueResult();
    if (row == null || row[1] != null) {
      return null;
    }
    return secretBox.open((String) row[0]);
  }
}
