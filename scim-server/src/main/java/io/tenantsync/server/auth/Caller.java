package io.tenantsync.server.auth;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated principal of one request (API.md, "Principals and authentication").
 *
 * @param kind who the token belongs to
 * @param subjectId the reseller's or tenant's id; null for the operator
 * @param tokenId the id of the {@code ApiTokens} row, null for the operator's environment token
 * @param reach its reach into the tenant the request path names, when resolved with the token
 */
public record Caller(
    Kind kind, @Nullable String subjectId, @Nullable String tokenId, @Nullable TenantReach reach)
    implements Principal {

  public Caller(Kind kind, @Nullable String subjectId, @Nullable String tokenId) {
    this(kind, subjectId, tokenId, null);
  }

  /** The three kinds of principal. */
  public enum Kind {
    OPERATOR,
    RESELLER,
    TENANT;

    public String wireName() {
      return name().toLowerCase();
    }
  }

  public static Caller of(SecurityContext context) {
    return (Caller) context.getUserPrincipal();
  }

  public boolean isOperator() {
    return kind == Kind.OPERATOR;
  }

  public boolean isReseller(String resellerId) {
    return kind == Kind.RESELLER && resellerId.equals(subjectId);
  }

  public boolean isTenant(String tenantId) {
    return kind == Kind.TENANT && tenantId.equals(subjectId);
  }

  /** Only the operator may go on. */
  public void requireOperator() throws ForbiddenException {
    if (!isOperator()) {
      throw new ForbiddenException("only the operator may do this");
    }
  }

  @Override
  public String getName() {
    return subjectId == null ? kind.wireName() : kind.wireName() + ":" + subjectId;
  }
}
