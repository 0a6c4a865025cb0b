package io.tenantsync.connector.reconcile;

import io.tenantsync.connector.DirectoryUser;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** One thing a reconciliation found that the server must act on. */
public sealed interface ReconcileFinding {

  /**
   * An account in the tenant the server neither created nor retains (R5): becomes a User with
   * {@code managed} false and {@code source} {@code tenant}, or {@code directorySync} when {@code
   * directorySynced}. The server should still match it by UPN against its own creates that have not
   * yet recorded an object id before treating it as foreign.
   */
  record Unmanaged(DirectoryUser user, boolean directorySynced) implements ReconcileFinding {

    public Unmanaged {
      Objects.requireNonNull(user, "user");
    }
  }

  /** A managed account that differs from what the server expects. */
  record Drifted(
      String objectId, Set<DriftKind> kinds, DirectoryUser actual, ExpectedAccount expected)
      implements ReconcileFinding {

    public Drifted {
      Objects.requireNonNull(objectId, "objectId");
      Objects.requireNonNull(actual, "actual");
      Objects.requireNonNull(expected, "expected");
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("a drift needs at least one kind");
      }
      kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Products the server expects that the tenant account lacks. */
    public Set<UUID> missingSkuIds() {
      Set<UUID> missing = new HashSet<>(expected.licensedSkuIds());
      missing.removeAll(actual.licensedSkuIds());
      return missing;
    }

    /** Products the tenant account holds that the server does not expect. */
    public Set<UUID> unexpectedSkuIds() {
      Set<UUID> extra = new HashSet<>(actual.licensedSkuIds());
      extra.removeAll(expected.licensedSkuIds());
      return extra;
    }
  }

  /** An account the server expects that the tenant no longer has. */
  record Missing(ExpectedAccount expected, Reason reason) implements ReconcileFinding {

    /** How the account went missing, as far as the directory said. */
    public enum Reason {
      /** Not in a full listing: deleted in the tenant, soft or hard. */
      NOT_LISTED,
      /** Reported by delta as soft-deleted: restorable for 30 days (R20). */
      SOFT_DELETED,
      /** Reported by delta as gone for good. */
      HARD_DELETED
    }

    public Missing {
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(reason, "reason");
    }

    public Missing(ExpectedAccount expected) {
      this(expected, Reason.NOT_LISTED);
    }
  }

  /**
   * An account the server does not manage left the tenant (a delta {@code @removed}, or absent from
   * a full listing, where {@code restorable} is unknown and false); the server drops its unmanaged
   * User for it, if any.
   */
  record UnmanagedRemoved(String objectId, boolean restorable) implements ReconcileFinding {

    public UnmanagedRemoved {
      Objects.requireNonNull(objectId, "objectId");
    }
  }
}
