package io.tenantsync.server.users;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import io.tenantsync.server.tenants.TenantEntity;
import java.util.Locale;
import org.hibernate.Session;

/**
 * The UPN rules of API.md rule 10 (R13, R16): a userName is {@code local@domain} on the tenant's
 * initial domain or one of its verified domains, and every user reserves {@code
 * local@<initialDomain>} as its {@code initialUserName}. Both are unique per tenant,
 * case-insensitively.
 *
 * <p>So {@code geoff@contoso.onmicrosoft.com} may exist first and {@code geoff@contoso.com} after
 * it (the later user reserves {@code geoff1@contoso.onmicrosoft.com} instead), never the other way
 * round: {@code geoff@contoso.com} reserves {@code geoff@contoso.onmicrosoft.com}.
 */
final class UserNames {
  private static final int MAX_SUFFIX = 99;

  private UserNames() {}

  /** 400 {@code invalidValue} unless userName is local@domain with a domain the tenant accepts. */
  static void checkDomain(TenantEntity tenant, String userName) throws BadRequestException {
    int at = userName.lastIndexOf('@');
    if (at <= 0 || at == userName.length() - 1 || userName.indexOf('@') != at) {
      throw BadRequestException.invalidValue(
          "userName must be local@domain, such as alice@" + tenant.initialDomain());
    }
    String domain = userName.substring(at + 1);
    if (!tenant.acceptsUserDomain(domain)) {
      throw BadRequestException.invalidValue(
          "userName domain "
              + domain
              + " is neither the tenant's initial domain ("
              + tenant.initialDomain()
              + ") nor one of its verified domains");
    }
  }

  /** The initial user name to reserve for a new user; 409 if its own name is reserved. */
  static String reserveInitialUserName(Session session, TenantEntity tenant, String userName)
      throws ResourceConflictException {
    String local = userName.substring(0, userName.lastIndexOf('@'));
    String domain = userName.substring(userName.lastIndexOf('@') + 1);
    String candidate = local + "@" + tenant.initialDomain();
    if (domain.equalsIgnoreCase(tenant.initialDomain())) {
      if (taken(session, tenant.id(), candidate)) {
        throw ResourceConflictException.uniqueness(
            "userName "
                + userName
                + " is reserved as the initial user name of another user of the tenant");
      }
      return candidate;
    }
    for (int suffix = 1; taken(session, tenant.id(), candidate); suffix++) {
      if (suffix > MAX_SUFFIX) {
        throw ResourceConflictException.uniqueness(
            "no free initial user name for " + local + "@" + tenant.initialDomain());
      }
      candidate = local + suffix + "@" + tenant.initialDomain();
    }
    return candidate;
  }

  private static boolean taken(Session session, String tenantId, String initialUserName) {
    return reservedByAnother(session, tenantId, initialUserName, "");
  }

  /**
   * Whether a user other than {@code selfId} holds {@code name} as userName or initialUserName: one
   * lookup of the unique key of {@code user_name_reservation} (V9).
   */
  static boolean reservedByAnother(Session session, String tenantId, String name, String selfId) {
    return !session
        .createNativeQuery(
            "select user_id from user_name_reservation where tenant_id = :tenant"
                + " and name_ci = :name and user_id <> :self",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("name", name.toLowerCase(Locale.ROOT))
        .setParameter("self", selfId)
        .getResultList()
        .isEmpty();
  }
}
