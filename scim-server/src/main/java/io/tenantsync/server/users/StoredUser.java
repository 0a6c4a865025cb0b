package io.tenantsync.server.users;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@link UserMapper} renders a User from: its stored JSON and the columns the server owns.
 * Implemented by {@link UserEntity} (reads and writes through Hibernate) and by {@link UserRow}
 * (the plain-JDBC reads of {@link HotUserReads}), so both render the same resource from the same
 * code.
 */
interface StoredUser {
  String id();

  String tenantId();

  String userName();

  String initialUserName();

  boolean active();

  boolean managed();

  String source();

  @Nullable String tenantObjectId();

  @Nullable String usageLocation();

  @Nullable String alternateEmail();

  String syncState();

  @Nullable String syncError();

  /** The resource as last written, minus what the server owns (JSON object). */
  String attributes();

  Instant created();

  Instant lastModified();

  long version();
}
