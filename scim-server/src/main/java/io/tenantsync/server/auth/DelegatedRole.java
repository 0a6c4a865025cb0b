package io.tenantsync.server.auth;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** The two roles a reseller can hold over a tenant (R30), with their wire names. */
public enum DelegatedRole {
  FULL_ADMINISTRATION("FullAdministration", AdminRights.FULL),
  LIMITED_ADMINISTRATION("LimitedAdministration", AdminRights.LIMITED);

  private final String wireName;
  private final AdminRights rights;

  DelegatedRole(String wireName, AdminRights rights) {
    this.wireName = wireName;
    this.rights = rights;
  }

  public String wireName() {
    return wireName;
  }

  public AdminRights rights() {
    return rights;
  }

  /** The role a stored wire name stands for; a name this server never writes is a bug. */
  public static DelegatedRole fromWireName(String stored) {
    for (DelegatedRole candidate : values()) {
      if (candidate.wireName.equals(stored)) {
        return candidate;
      }
    }
    throw new IllegalStateException("unknown role in database: " + stored);
  }

  public static DelegatedRole fromWire(@Nullable String value) throws BadRequestException {
    return Arrays.stream(values())
        .filter(role -> role.wireName.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                BadRequestException.invalidValue(
                    "role must be FullAdministration or LimitedAdministration, not " + value));
  }
}
