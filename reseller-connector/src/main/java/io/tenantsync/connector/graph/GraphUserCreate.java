package io.tenantsync.connector.graph;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /users}. Graph requires {@code accountEnabled}, {@code displayName},
 * {@code mailNickname}, {@code userPrincipalName} and {@code passwordProfile}; null fields are
 * omitted. Its {@code toString()} masks the password through {@link GraphPasswordProfile}.
 */
record GraphUserCreate(
    boolean accountEnabled,
    String displayName,
    String mailNickname,
    String userPrincipalName,
    GraphPasswordProfile passwordProfile,
    @Nullable String givenName,
    @Nullable String surname,
    @Nullable String usageLocation,
    @Nullable List<String> otherMails,
    @Nullable String jobTitle,
    @Nullable String department) {}
