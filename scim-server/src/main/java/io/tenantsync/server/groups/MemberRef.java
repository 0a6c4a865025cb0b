package io.tenantsync.server.groups;

import org.jspecify.annotations.Nullable;

/**
 * A member as a client names it: an id, and the type it claims ({@code User} or {@code Group}, in
 * canonical case) or null when it left {@code type} out. {@code $ref} and {@code display} are
 * read-only in effect and ignored.
 */
record MemberRef(String value, @Nullable String type) {}
