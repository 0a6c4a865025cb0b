package io.tenantsync.server.users;

import io.tenantsync.server.outbox.UserDirectoryState;
import org.jspecify.annotations.Nullable;

/** A user row and its access → the state its tenant account must reach (outbox payload). */
final class UserStates {
  private UserStates() {}

  static UserDirectoryState of(
      UserEntity user, UserAccess access, @Nullable String sealedPassword) {
    String upn = user.userName();
    return new UserDirectoryState(
        user.tenantObjectId(),
        upn,
        displayName(user),
        UserMapper.text(UserMapper.parse(user.attributes()).path("name"), "givenName"),
        UserMapper.text(UserMapper.parse(user.attributes()).path("name"), "familyName"),
        upn.substring(0, upn.indexOf('@')),
        user.active(),
        user.usageLocation(),
        user.alternateEmail(),
        user.retained() || user.deletedAt() != null
            ? java.util.List.of()
            : access.licenses().stream()
                .filter(license -> !license.suspended())
                .map(UserAccess.License::skuId)
                .toList(),
        sealedPassword,
        user.retained(),
        user.deletedAt() != null);
  }

  private static String displayName(UserEntity user) {
    String display = UserMapper.text(UserMapper.parse(user.attributes()), "displayName");
    return display != null ? display : user.userName();
  }
}
