package io.tenantsync.server.outbox;

import io.tenantsync.connector.AssignedLicense;
import io.tenantsync.connector.DirectoryException;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserDraft;
import io.tenantsync.connector.LicenseGrant;
import io.tenantsync.connector.TenantDirectory;
import io.tenantsync.server.persistence.SecretBox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Brings one tenant account to a {@link UserDirectoryState}: finds it by its immutable object id
 * (R4) — or, before the first sync, by user principal name — creates it if needed, and changes only
 * what differs. Once a user has an object id its link follows that id only. An account found by
 * name (or handed back by a retried create) that is already linked to another user here is never
 * taken over: the change is refused as a conflict. Idempotent: applying the same state twice
 * changes nothing the second time, which makes the outbox's at-least-once delivery safe. Stateless,
 * thread-safe.
 */
public final class UserStateApplier {
  private final SecretBox secretBox;

  public UserStateApplier(SecretBox secretBox) {
    this.secretBox = secretBox;
  }

  /** Who else here is linked to a tenant account. */
  @FunctionalInterface
  public interface AccountOwners {
    /** The id of a user other than the one being applied linked to {@code objectId}, or null. */
    @Nullable String otherOwner(String objectId);
  }

  /** Applies {@code state}; returns the account's object id (null if it is gone for good). */
  public @Nullable String apply(
      TenantDirectory directory,
      UserDirectoryState state,
      @Nullable String knownObjectId,
      AccountOwners owners) {
    String password =
        state.sealedPassword() == null ? null : secretBox.open(state.sealedPassword());
    Optional<DirectoryUser> found = find(directory, state, knownObjectId);
    if (knownObjectId == null) {
      found.ifPresent(account -> claim(account, owners));
    }
    if (state.deleted()) {
      found.ifPresent(account -> delete(directory, state, account));
      return found.map(DirectoryUser::id).orElse(knownObjectId);
    }
    DirectoryUser account;
    if (found.isPresent()) {
      account = found.get();
    } else if (knownObjectId != null && restorable(directory, knownObjectId)) {
      account = directory.restoreUser(knownObjectId);
    } else {
      account = directory.createUser(draft(state, password));
      claim(account, owners); // a retried create may hand back an existing account by name
      password = null; // set by the create itself
    }
    DirectoryUserChanges changes = changes(state, account, password);
    if (!changes.isEmpty()) {
      account = directory.updateUser(account.id(), changes);
    }
    licenses(directory, state, account);
    return account.id();
  }

  private static Optional<DirectoryUser> find(
      TenantDirectory directory, UserDirectoryState state, @Nullable String knownObjectId) {
    if (knownObjectId != null) {
      return directory.findUser(knownObjectId);
    }
    return directory.findUserByPrincipalName(state.userPrincipalName());
  }

  /** Refuses to link an account that another user here is linked to (no takeover by name). */
  private static void claim(DirectoryUser account, AccountOwners owners) {
    String other = owners.otherOwner(account.id());
    if (other != null) {
      throw new DirectoryException(
          DirectoryException.Kind.CONFLICT,
          "the tenant account "
              + account.userPrincipalName()
              + " ("
              + account.id()
              + ") is linked to another user ("
              + other
              + "); accounts are linked by object id only: rename one of them",
          false);
    }
  }

  private static boolean restorable(TenantDirectory directory, String objectId) {
    List<String> deleted = new ArrayList<>();
    try {
      directory.listDeletedUsers(user -> deleted.add(user.id()));
    } catch (UnsupportedOperationException e) {
      return false;
    }
    return deleted.stream().anyMatch(objectId::equalsIgnoreCase);
  }

  /** R6: an account on a custom domain is renamed back to its initial name before deletion. */
  private static void delete(
      TenantDirectory directory, UserDirectoryState state, DirectoryUser account) {
    if (!account.userPrincipalName().equalsIgnoreCase(state.userPrincipalName())) {
      directory.updateUser(
          account.id(),
          DirectoryUserChanges.builder().userPrincipalName(state.userPrincipalName()).build());
    }
    try {
      directory.deleteUser(account.id());
    } catch (DirectoryException e) {
      if (e.kind() != DirectoryException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  private static DirectoryUserDraft draft(UserDirectoryState state, @Nullable String password) {
    return new DirectoryUserDraft(
        state.userPrincipalName(),
        state.displayName() == null ? state.userPrincipalName() : state.displayName(),
        state.mailNickname(),
        state.givenName(),
        state.surname(),
        state.accountEnabled(),
        state.usageLocation(),
        password,
        state.alternateEmail() == null ? List.of() : List.of(state.alternateEmail()),
        null,
        null);
  }

  private static DirectoryUserChanges changes(
      UserDirectoryState state, DirectoryUser account, @Nullable String password) {
    DirectoryUserChanges.Builder changes = DirectoryUserChanges.builder();
    if (!account.userPrincipalName().equalsIgnoreCase(state.userPrincipalName())) {
      changes.userPrincipalName(state.userPrincipalName());
    }
    if (state.displayName() != null && !state.displayName().equals(account.displayName())) {
      changes.displayName(state.displayName());
    }
    if (state.givenName() != null && !state.givenName().equals(account.givenName())) {
      changes.givenName(state.givenName());
    }
    if (state.surname() != null && !state.surname().equals(account.surname())) {
      changes.surname(state.surname());
    }
    if (state.accountEnabled() != account.accountEnabled()) {
      changes.accountEnabled(state.accountEnabled());
    }
    if (state.usageLocation() != null
        && !state.usageLocation().equalsIgnoreCase(Objects.toString(account.usageLocation(), ""))) {
      changes.usageLocation(state.usageLocation());
    }
    if (state.alternateEmail() != null && !account.otherMails().contains(state.alternateEmail())) {
      changes.otherMails(List.of(state.alternateEmail()));
    }
    if (password != null) {
      changes.password(password, true);
    }
    return changes.build();
  }

  private static void licenses(
      TenantDirectory directory, UserDirectoryState state, DirectoryUser account) {
    Set<UUID> wanted = new HashSet<>();
    state.skuIds().forEach(sku -> wanted.add(UUID.fromString(sku)));
    Set<UUID> held = new HashSet<>();
    account.assignedLicenses().stream().map(AssignedLicense::skuId).forEach(held::add);
    List<LicenseGrant> add = new ArrayList<>();
    for (UUID sku : wanted) {
      if (!held.contains(sku)) {
        add.add(LicenseGrant.of(sku));
      }
    }
    Set<UUID> remove = new HashSet<>(held);
    remove.removeAll(wanted);
    if (!add.isEmpty() || !remove.isEmpty()) {
      directory.assignLicenses(account.id(), add, remove);
    }
  }
}
