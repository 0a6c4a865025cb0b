package io.tenantsync.server.groups;

import org.jspecify.annotations.Nullable;

/**
 * A stored member as a response shows it: id, {@code User} or {@code Group}, and the member's
 * current name for {@code display} (a user's displayName, else userName; a group's displayName).
 */
record Member(String value, String type, @Nullable String display) {
  static final String USER = "User";
  static final String GROUP = "Group";
}
