package io.tenantsync.connector;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The port to one customer tenant's directory (R1–R6, R8, R18, R20).
 *
 * <p>Implementations retry transient failures themselves and make every operation safe to repeat: a
 * caller that gets a retryable {@link DirectoryException} may call again later (the outbox does)
 * without creating duplicates. Accounts are identified by their immutable object id (R4), never by
 * UPN, except in {@link #findUserByPrincipalName}.
 *
 * <p>Implementations must be safe to share across threads.
 */
public interface TenantDirectory {

  /**
   * Creates the account. Retry-safe: if an attempt times out or fails ambiguously (5xx, connection
   * reset) and is retried, the client first looks the account up by userPrincipalName and returns
   * it if it exists, so a retried create never yields two accounts.
   */
  DirectoryUser createUser(DirectoryUserDraft draft);

  Optional<DirectoryUser> findUser(String objectId);

  Optional<DirectoryUser> findUserByPrincipalName(String userPrincipalName);

  /**
   * Changes the account (Graph PATCH): only the fields set in {@code changes} are sent, plus
   * explicit clears. Returns the account as read back afterwards.
   */
  DirectoryUser updateUser(String objectId, DirectoryUserChanges changes);

  /**
   * Adds and removes licenses in one directory call, so an upgrade (remove A, add B) is atomic in
   * the tenant (R11). Does nothing when both are empty.
   */
  void assignLicenses(String objectId, List<LicenseGrant> add, Set<UUID> removeSkuIds);

  /** Soft-deletes the account (restorable for 30 days, R20). */
  void deleteUser(String objectId);

  /** Restores a soft-deleted account and returns it. */
  DirectoryUser restoreUser(String objectId);

  /** The tenant's purchased products with their unit counts and service plans. */
  List<SubscribedSku> subscribedSkus();

  /** Streams every account, page by page; never holds more than one page. */
  void listUsers(Consumer<DirectoryUser> sink);

  /**
   * Streams the soft-deleted accounts (restorable ones), page by page.
   *
   * @throws UnsupportedOperationException if the implementation cannot list deleted accounts
   */
  default void listDeletedUsers(Consumer<DirectoryUser> sink) {
    throw new UnsupportedOperationException("listing deleted users is not supported");
  }

  /**
   * Streams the changes since {@code deltaLink} (or, when null, every account as an initial round)
   * and returns the link for the next round.
   *
   * @throws DeltaExpiredException when the link is no longer valid: do a full resync and start
   *     again with {@code null}
   */
  DeltaResult delta(@Nullable String deltaLink, Consumer<DirectoryChange> sink);
}
