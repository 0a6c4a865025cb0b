package io.tenantsync.server.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The statement that authenticates a stored token and resolves its reach into the tenant a request
 * names: the token, left-joined to the reseller's active, unexpired relationships with that tenant
 * (none for a tenant token: a tenant reaches only itself, and its tokens are revoked when it is
 * deleted). Scalar SQL on a plain connection: it runs on every tenant-level request.
 *
 * <p>Given in parts, so that a read the request needs anyway can share its round trip, as further
 * columns from a further join ({@code users.HotUserReads}). The statement's parameters, in order:
 * {@link #bindReach}'s, the join's own, {@link #bindToken}'s. Each row carries the reach columns
 * once per active relationship (or once, without one); {@link Reader} folds them.
 */
public final class ReachQuery {
  /** The reach columns, in the order {@link Reader#accept} reads them. */
  public static final String COLUMNS = "t.id, t.subject_type, t.subject_id, r.role, r.expires_at";

  public static final int COLUMN_COUNT = 5;

  private ReachQuery() {}

  /** {@code from … where …} of the statement, with {@code join} (may be empty) inside. */
  public static String from(String join) {
    return " from api_token t"
        + " left join delegated_admin_relationship r"
        + " on t.subject_type = 'reseller' and r.reseller_id = t.subject_id"
        + " and r.tenant_id = ? and r.status = 'active'"
        + " and (r.expires_at is null or r.expires_at > ?) "
        + join
        + " where t.token_hash = ? and t.revoked_at is null";
  }

  /** Binds the relationship's parameters from {@code index} on; returns the next free index. */
  public static int bindReach(PreparedStatement statement, int index, String tenantId)
      throws SQLException {
    statement.setString(index, tenantId);
    statement.setLong(index + 1, System.currentTimeMillis());
    return index + 2;
  }

  /** Binds the token's parameter at {@code index}; returns the next free index. */
  public static int bindToken(PreparedStatement statement, int index, String tokenHash)
      throws SQLException {
    statement.setString(index, tokenHash);
    return index + 1;
  }

  /**
   * Folds the statement's rows (one per relationship, or one without) into the caller: the
   * strongest role of a reseller's relationships, a tenant token's own tenant. Not thread-safe; one
   * per statement.
   */
  public static final class Reader {
    private final String tenantId;
    private @Nullable String tokenId;
    private Caller.@Nullable Kind kind;
    private @Nullable String subjectId;
    private @Nullable AdminRights strongest;
    private long validUntil = Long.MAX_VALUE;

    public Reader(String tenantId) {
      this.tenantId = tenantId;
    }

    /** One row, its reach columns from {@code first} on. */
    public void accept(ResultSet row, int first) throws SQLException {
      if (tokenId == null) {
        tokenId = row.getString(first);
        kind = Caller.Kind.valueOf(row.getString(first + 1).toUpperCase(Locale.ROOT));
        subjectId = row.getString(first + 2);
      }
      String role = row.getString(first + 3);
      if (role != null) {
        AdminRights rights = DelegatedRole.fromWireName(role).rights();
        if (strongest == null || rights.atLeast(strongest)) {
          strongest = rights;
        }
        long expiresAt = row.getLong(first + 4);
        if (!row.wasNull()) {
          validUntil = Math.min(validUntil, expiresAt);
        }
      }
    }

    /**
     * Until when (epoch milliseconds) the reach holds unless something changes it: the earliest
     * expiry of the relationships read, {@link Long#MAX_VALUE} if none expires.
     */
    public long validUntil() {
      return validUntil;
    }

    /** The caller, with its reach into the tenant; empty when no row was read (no such token). */
    public Optional<Caller> caller() {
      if (tokenId == null || kind == null) {
        return Optional.empty();
      }
      AdminRights rights =
          switch (kind) {
            case OPERATOR -> AdminRights.GLOBAL;
            case TENANT -> tenantId.equals(subjectId) ? AdminRights.GLOBAL : null;
            case RESELLER -> strongest;
          };
      return Optional.of(new Caller(kind, subjectId, tokenId, new TenantReach(tenantId, rights)));
    }
  }
}
