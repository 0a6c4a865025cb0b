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
