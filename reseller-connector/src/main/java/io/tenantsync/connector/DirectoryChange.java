package io.tenantsync.connector;

import java.util.Objects;

/** One entry of a delta round: an account created or changed, or one that left the directory. */
public sealed interface DirectoryChange {

  /** The object id of the account concerned. */
  String id();

  /** An account created or changed since the previous round, with all its fields. */
  record Upserted(DirectoryUser user) implements DirectoryChange {

    public Upserted {
      Objects.requireNonNull(user, "user");
    }

    @Override
    public String id() {
      return user.id();
    }
  }

  /**
   * An account that left the directory. Graph's {@code @removed.reason}: {@code changed} means
   * soft-deleted (restorable), {@code deleted} means gone for good.
   */
  record Removed(String id, String reason) implements DirectoryChange {

    public static final String SOFT_DELETED = "changed";
    public static final String HARD_DELETED = "deleted";

    public Removed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }

    /** True when the account can still be restored. */
    public boolean restorable() {
      return SOFT_DELETED.equals(reason);
    }
  }
}
