package io.tenantsync.server.users;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin roles a user may hold ({@code roles[].value}, API.md "The User resource"; R10). Roles
 * consume no license (R7); holding one requires an alternate email (R14).
 */
public enum AdminRoles {
  GlobalAdministrator,
  UserAdministrator,
  PasswordAdministrator,
  BillingAdministrator,
  HelpdeskAdministrator,
  ExchangeAdministrator,
  SharePointAdministrator,
  TeamsAdministrator;

  /** The canonical spelling of {@code value}; 400 {@code invalidValue} if it is not a role. */
  public static String canonical(String value) throws BadRequestException {
    return Arrays.stream(values())
        .filter(role -> role.name().equalsIgnoreCase(value.trim()))
        .findFirst()
        .map(Enum::name)
        .orElseThrow(
            () ->
                BadRequestException.invalidValue(
                    "unknown role " + value + "; roles are " + Arrays.toString(values())));
  }

  public static Set<String> canonical(Set<String> values) throws BadRequestException {
    Set<String> result = new TreeSet<>();
    for (String value : values) {
      result.add(canonical(value));
    }
    return result;
  }
}
