package io.tenantsync.server.reconcile;

import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.reconcile.DriftKind;
import io.tenantsync.connector.reconcile.ReconcileFinding;
import io.tenantsync.server.groups.GroupMemberships;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.products.LicensePool;
import io.tenantsync.server.products.UserLicenseEntity;
import io.tenantsync.server.tenants.TenantEntity;
import io.tenantsync.server.users.UnmanagedUsers;
import io.tenantsync.server.users.UserEntity;
import io.tenantsync.server.users.UserService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on a run's findings, {@value #SIZE} at a time, each batch in one transaction (so a
 * 100,000-account tenant costs a few hundred transactions, not 100,000). If a batch fails, its
 * findings are applied again one per transaction, so one bad account costs only itself.
 *
 * <ul>
 *   <li>An account unknown here becomes, or updates, an unmanaged User (R5), with its licenses
 *       counted in the pools; a license whose pool has no room is recorded, not counted.
 *   <li>Drift, a managed account deleted in the tenant, or a deleted one restored there (deleted
 *       through this server, or found deleted in the tenant by an earlier run) is recorded; under
 *       {@code driftMode} {@code repair} the user's state is queued to the outbox again, which
 *       brings the account back to it. A UPN changed on a retained account is only recorded: its
 *       link follows the object id (R4).
 *   <li>An unmanaged account that left the tenant (delta {@code @removed}, or absent from a full
 *       listing) takes its User and licenses with it.
 *   <li>Accounts are linked to users by object id only: an unknown account whose UPN is a user's
 *       name here is recorded as a conflict, never linked to that user.
 * </ul>
 *
 * Not thread-safe: one per run.
 */
final class FindingBatch {
  static final int SIZE = 500;
  private static final Logger log = LoggerFactory.getLogger(FindingBatch.class);

  private final Database database;
  private final String tenantId;
  private final String reconciliationId;
  private final boolean repair;
  private final KnownAccounts known;
  private final Map<UUID, String> productBySku;
  private final List<ReconcileFinding> pending = new ArrayList<>();

  private long unmanaged;
  private long drifted;
  private long missing;
  private long failed;

  FindingBatch(
      Database database,
      String tenantId,
      String reconciliationId,
      boolean repair,
      KnownAccounts known,
      Map<UUID, String> productBySku) {
    this.database = database;
    this.tenantId = tenantId;
    this.reconciliationId = reconciliationId;
    this.repair = repair;
    this.known = known;
    this.productBySku = productBySku;
  }

  void accept(ReconcileFinding finding) {
    pending.add(finding);
    if (pending.size() >= SIZE) {
      flush();
    }
  }

  /** Applies what is buffered. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<ReconcileFinding> batch = List.copyOf(pending);
    pending.clear();
    try {
      Tallies tallies = database.inPlainTransaction(session -> apply(session, batch));
      add(tallies);
    } catch (RuntimeException e) {
      log.warn("reconciliation {}: a batch failed ({}); retrying one by one", reconciliationId, e);
      for (ReconcileFinding finding : batch) {
        try {
          add(database.inPlainTransaction(session -> apply(session, List.of(finding))));
        } catch (RuntimeException single) {
          failed++;
          log.warn(
              "reconciliation {}: cannot apply {}", reconciliationId, describe(finding), single);
        }
      }
    }
  }

  /** Counts of what was applied, combined with the directory-side counts by the caller. */
  RunCounts counts(long scanned, long retained) {
    return new RunCounts(scanned, unmanaged, drifted, retained, missing, failed);
  }

  private void add(Tallies tallies) {
    unmanaged += tallies.unmanaged;
    drifted += tallies.drifted;
    missing += tallies.missing;
    failed += tallies.failed;
  }

  private static final class Tallies {
    long unmanaged;
    long drifted;
    long missing;
    long failed;
  }

  private Tallies apply(Session session, List<ReconcileFinding> batch) {
    Tallies tallies = new Tallies();
    List<DirectoryUser> foreign = new ArrayList<>();
    for (ReconcileFinding finding : batch) {
      if (finding instanceof ReconcileFinding.Unmanaged unmanagedAccount) {
        DirectoryUser account = unmanagedAccount.user();
        KnownAccounts.Known ours = known.find(account.id()).orElse(null);
        if (ours == null) {
          foreign.add(account);
        } else if (ours.deleted()) {
          tallies.drifted++;
          record(
              session,
              ours.userId(),
              account.id(),
              FindingKind.RESTORED_IN_TENANT,
              "the account was deleted through TenantSync but is active in the tenant again",
              repair && resync(session, ours.userId()));
        } else if (ours.missingInTenant()) {
          tallies.drifted++;
          restored(session, ours.userId(), account.id());
        } // else: changes still on their way through the outbox; compared next time
      } else if (finding instanceof ReconcileFinding.Drifted drift) {
        tallies.drifted++;
        drifted(session, drift);
      } else if (finding instanceof ReconcileFinding.Missing gone) {
        tallies.missing++;
        missing(session, gone);
      } else if (finding instanceof ReconcileFinding.UnmanagedRemoved removed) {
        removeUnmanaged(session, removed.objectId());
      }
    }
    if (!foreign.isEmpty()) {
      mirror(session, foreign, tallies);
    }
    return tallies;
  }

  private void drifted(Session session, ReconcileFinding.Drifted drift) {
    String userId = known.find(drift.objectId()).map(KnownAccounts.Known::userId).orElseThrow();
    boolean retained = drift.expected().retained();
    boolean repairable =
        repair && !(retained && drift.kinds().equals(Set.of(DriftKind.UPN_CHANGED)));
    boolean repaired = repairable && resync(session, userId);
    for (DriftKind kind : drift.kinds()) {
      switch (kind) {
        case LICENSES ->
            record(
                session,
                userId,
                drift.objectId(),
                FindingKind.LICENSES,
                "the tenant account holds SKUs "
                    + drift.actual().licensedSkuIds()
                    + " where TenantSync assigned "
                    + drift.expected().licensedSkuIds(),
                repaired);
        case SIGN_IN ->
            record(
                session,
                userId,
                drift.objectId(),
                FindingKind.SIGN_IN,
                "sign-in is "
                    + (drift.actual().accountEnabled() ? "allowed" : "blocked")
                    + " in the tenant but should be "
                    + (drift.expected().accountEnabled() ? "allowed" : "blocked"),
                repaired);
        case UPN_CHANGED ->
            record(
                session,
                userId,
                drift.objectId(),
                FindingKind.UPN_CHANGED,
                "the account's UPN is "
                    + drift.actual().userPrincipalName()
                    + " in the tenant, "
                    + drift.expected().userPrincipalName()
                    + " here; the link follows the object id",
                repaired && !retained);
      }
    }
  }

  private void missing(Session session, ReconcileFinding.Missing gone) {
    String objectId = gone.expected().tenantObjectId();
    String userId = known.find(objectId).map(KnownAccounts.Known::userId).orElseThrow();
    String detail =
        switch (gone.reason()) {
          case SOFT_DELETED -> "the account was deleted in the tenant (restorable for 30 days)";
          case HARD_DELETED -> "the account was deleted in the tenant for good";
          case NOT_LISTED -> "the account is no longer in the tenant directory";
        };
    boolean repaired = repair && resync(session, userId);
    if (!repaired) {
      session
          .createNativeMutationQuery(
              "update scim_user set sync_state = 'failed', sync_error = :error,"
                  + " tenant_missing_since = :now where id = :id")
          .setParameter("error", detail + " (reconciliation " + reconciliationId + ")")
          .setParameter("now", System.currentTimeMillis())
          .setParameter("id", userId)
          .executeUpdate();
    }
    record(session, userId, objectId, FindingKind.DELETED_IN_TENANT, detail, repaired);
  }

  /**
   * The account an earlier run found deleted in the tenant is there again (restored in the tenant):
   * recorded; the user's failure is cleared, and the next run compares the account as usual (under
   * {@code repair} the user's state is queued to the outbox at once).
   */
  private void restored(Session session, String userId, String objectId) {
    session
        .createNativeMutationQuery(
            "update scim_user set tenant_missing_since = null, sync_error = null,"
                + " sync_state = case when sync_state = 'failed' then 'synced' else sync_state end"
                + " where id = :id")
        .setParameter("id", userId)
        .executeUpdate();
    record(
        session,
        userId,
        objectId,
        FindingKind.RESTORED_IN_TENANT,
        "the account found deleted in the tenant earlier is in the tenant again",
        repair && resync(session, userId));
  }

  /** Queues the user's current state to the outbox; false if the user is gone meanwhile. */
  private static boolean resync(Session session, String userId) {
    UserEntity user = session.find(UserEntity.class, userId);
    if (user == null) {
      return false;
    }
    UserService.appendOutbox(session, user, null);
    return true;
  }

  /** Creates or refreshes the unmanaged Users of accounts this server does not know. */
  private void mirror(Session session, List<DirectoryUser> accounts, Tallies tallies) {
    TenantEntity tenant = session.find(TenantEntity.class, tenantId);
    Map<String, UserEntity> existing = new HashMap<>();
    session
        .createSelectionQuery(
            "from UserEntity where tenantId = :tenant and tenantObjectId in :ids", UserEntity.class)
        .setParameter("tenant", tenantId)
        .setParameter("ids", accounts.stream().map(DirectoryUser::id).toList())
        .getResultList()
        .forEach(user -> existing.put(lower(user.tenantObjectId()), user));
    NameLedger names = NameLedger.load(session, tenantId, accounts, tenant);
    Map<UserEntity, Set<String>> wantedLicenses = new LinkedHashMap<>();
    for (DirectoryUser account : accounts) {
      UserEntity user = existing.get(lower(account.id()));
      if (user != null && user.managed()) {
        continue; // adopted since the run started: next run compares it
      }
      if (user == null) {
        if (names.inFlight(account.userPrincipalName())) {
          continue; // a create of ours not yet confirmed: the outbox links it
        }
        String clash = names.userNameClash(account.userPrincipalName(), null);
        if (clash != null) {
          tallies.failed++;
          record(
              session,
              null,
              account.id(),
              FindingKind.CONFLICT,
              "the tenant account "
                  + account.userPrincipalName()
                  + " has a name held by user "
                  + clash
                  + " (as its userName or reserved initialUserName), which is linked to another"
                  + " account",
              false);
          continue;
        }
        user =
            UnmanagedUsers.create(tenant, account, names.reserveInitial(session, tenant, account));
        session.persist(user);
      } else if (!user.userName().equalsIgnoreCase(account.userPrincipalName())
          && names.userNameClash(account.userPrincipalName(), user.id()) != null) {
        tallies.failed++;
        record(
            session,
            user.id(),
            account.id(),
            FindingKind.CONFLICT,
            "the tenant renamed this account to " + account.userPrincipalName() + ", taken here",
            false);
        continue;
      } else {
        UnmanagedUsers.refresh(user, account);
      }
      tallies.unmanaged++;
      wantedLicenses.put(
          user,
          account.licensedSkuIds().stream()
              .map(productBySku::get)
              .filter(java.util.Objects::nonNull)
              .collect(Collectors.toSet()));
    }
    session.flush();
    licenses(session, wantedLicenses, tallies);
  }

  /**
   * Brings the license rows of unmanaged users to what the tenant holds, counting them in the pools
   * (units are taken per product in one conditional UPDATE, falling back to one by one when the
   * pool is short).
   */
  private void licenses(Session session, Map<UserEntity, Set<String>> wanted, Tallies tallies) {
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, Set<String>> held = new HashMap<>();
    session
        .createSelectionQuery(
            "from UserLicenseEntity where userId in :ids", UserLicenseEntity.class)
        .setParameter("ids", wanted.keySet().stream().map(UserEntity::id).toList())
        .getResultList()
        .forEach(
            license ->
                held.computeIfAbsent(license.userId(), id -> new HashSet<>())
                    .add(license.productId()));
    Map<String, List<UserEntity>> toAdd = new HashMap<>();
    Map<String, List<UserEntity>> toRemove = new HashMap<>();
    for (Map.Entry<UserEntity, Set<String>> entry : wanted.entrySet()) {
      UserEntity user = entry.getKey();
      Set<String> has = held.getOrDefault(user.id(), Set.of());
      for (String productId : entry.getValue()) {
        if (!has.contains(productId)) {
          toAdd.computeIfAbsent(productId, id -> new ArrayList<>()).add(user);
        }
      }
      for (String productId : has) {
        if (!entry.getValue().contains(productId)) {
          toRemove.computeIfAbsent(productId, id -> new ArrayList<>()).add(user);
        }
      }
    }
    // Product rows in ascending id order, as every request does (LicensePool): no deadlock with
    // requests or other batches changing the same pools.
    Set<String> touched = new TreeSet<>(toAdd.keySet());
    touched.addAll(toRemove.keySet());
    for (String productId : touched) {
      for (UserEntity user : toRemove.getOrDefault(productId, List.of())) {
        LicensePool.release(session, List.of(productId));
        UserLicenseEntity.delete(session, user.id(), productId);
      }
      List<UserEntity> users = toAdd.get(productId);
      if (users == null) {
        continue;
      }
      boolean all = LicensePool.consumeUnits(session, productId, users.size());
      for (UserEntity user : users) {
        if (all || LicensePool.consume(session, List.of(productId)).isEmpty()) {
          session.persist(new UserLicenseEntity(user.id(), productId, tenantId, false));
        } else {
          tallies.failed++;
          record(
              session,
              user.id(),
              user.tenantObjectId(),
              FindingKind.POOL_EXCEEDED,
              "the tenant account holds a license of product "
                  + productId
                  + " but its pool has no free unit here; raise prepaidUnits.enabled",
              false);
        }
      }
    }
  }

  private void removeUnmanaged(Session session, String objectId) {
    List<UserEntity> users =
        session
            .createSelectionQuery(
                "from UserEntity where tenantId = :tenant and tenantObjectId = :id"
                    + " and managed = false",
                UserEntity.class)
            .setParameter("tenant", tenantId)
            .setParameter("id", objectId)
            .getResultList();
    for (UserEntity user : users) {
      List<String> products =
          session
              .createSelectionQuery(
                  "select productId from UserLicenseEntity where userId = :user"
                      + " and suspended = false",
                  String.class)
              .setParameter("user", user.id())
              .getResultList();
      LicensePool.release(session, products);
      UserLicenseEntity.deleteAll(session, user.id());
      GroupMemberships.removeMember(session, tenantId, user.id());
      session.remove(user);
    }
  }

  private void record(
      Session session,
      @Nullable String userId,
      @Nullable String objectId,
      FindingKind kind,
      String detail,
      boolean repaired) {
    session.persist(
        new ReconcileFindingEntity(
            reconciliationId, tenantId, userId, objectId, kind, detail, repaired));
  }

  private static String describe(ReconcileFinding finding) {
    return finding.getClass().getSimpleName();
  }

  private static String lower(@Nullable String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }
}
