package io.tenantsync.server.reconcile;

import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.server.tenants.TenantEntity;
import io.tenantsync.server.users.UnmanagedUsers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * The user names (API.md rule 10) that one batch of unknown accounts could collide with, read in
 * one query, and kept up to date as the batch creates users, so 500 accounts cost one lookup
 * instead of 500. Not thread-safe: one per batch.
 */
final class NameLedger {
  private static final int MAX_NUMBER = 99;

  /** userName (lower case) → the user holding it, and whether it is ours and not yet linked. */
  private final Map<String, Holder> userNames = new HashMap<>();

  /** initialUserName (lower case) → the user it is reserved for (R16). */
  private final Map<String, String> initialNames = new HashMap<>();

  /** Names whose holders were all read by {@link #load}: no need to ask the database again. */
  private final Set<String> known = new HashSet<>();

  private record Holder(String userId, boolean inFlight) {}

  private NameLedger() {}

  static NameLedger load(
      Session session, String tenantId, List<DirectoryUser> accounts, TenantEntity tenant) {
    Set<String> names = new HashSet<>();
    for (DirectoryUser account : accounts) {
      names.add(lower(account.userPrincipalName()));
      names.add(lower(UnmanagedUsers.initialUserNameCandidate(tenant, account)));
    }
    NameLedger ledger = new NameLedger();
    ledger.known.addAll(names);
    session
        .createNativeQuery(
            "select id, user_name_ci, initial_user_name_ci, managed, tenant_object_id"
                + " from scim_user where tenant_id = :tenant"
                + " and (user_name_ci in :names or initial_user_name_ci in :names)",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setParameter("names", names)
        .getResultList()
        .forEach(
            row -> {
              boolean managed = row[3] instanceof Boolean b ? b : ((Number) row[3]).intValue() != 0;
              ledger.userNames.put(
                  (String) row[1], new Holder((String) row[0], managed && row[4] == null));
              ledger.initialNames.put((String) row[2], (String) row[0]);
            });
    return ledger;
  }

  /** A user of ours was created with this name and waits for the outbox to link its account. */
  boolean inFlight(String userPrincipalName) {
    Holder holder = userNames.get(lower(userPrincipalName));
    return holder != null && holder.inFlight();
  }

  /**
   * The id of a user other than {@code self} that holds this name, as its userName or as its
   * reserved initialUserName (R16: a reserved name is nobody else's userName), or null.
   */
  @Nullable String userNameClash(String userPrincipalName, @Nullable String self) {
    String key = lower(userPrincipalName);
    Holder holder = userNames.get(key);
    if (holder != null && !holder.userId().equals(self)) {
      return holder.userId();
    }
    String reservedFor = initialNames.get(key);
    return reservedFor != null && !reservedFor.equals(self) ? reservedFor : null;
  }

  /**
   * Reserves the account's userName and an initial user name for it: its mail nickname on the
   * initial domain, numbered when taken.
   */
  String reserveInitial(Session session, TenantEntity tenant, DirectoryUser account) {
    String candidate = UnmanagedUsers.initialUserNameCandidate(tenant, account);
    String chosen = candidate;
    for (int number = 2; taken(session, tenant.id(), chosen); number++) {
      chosen =
          number <= MAX_NUMBER
              ? UnmanagedUsers.numbered(candidate, number)
              : UnmanagedUsers.numbered(candidate, Math.abs(account.id().hashCode()));
      if (number > MAX_NUMBER + 1) {
        throw new IllegalStateException("no free initial user name for " + candidate);
      }
    }
    initialNames.put(lower(chosen), "(this run)");
    userNames.put(lower(account.userPrincipalName()), new Holder("(this run)", false));
    return chosen;
  }

  private boolean taken(Session session, String tenantId, String name) {
    String key = lower(name);
    if (initialNames.containsKey(key) || userNames.containsKey(key)) {
      return true;
    }
    if (known.contains(key)) {
      return false;
    }
    boolean inDatabase =
        !session
            .createNativeQuery(
                "select id from scim_user where tenant_id = :tenant"
                    + " and (initial_user_name_ci = :name or user_name_ci = :name)",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("name", key)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (inDatabase) {
      initialNames.put(key, "(another user)");
    }
    return inDatabase;
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
