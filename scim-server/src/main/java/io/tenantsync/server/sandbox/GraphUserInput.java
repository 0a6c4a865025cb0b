package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.server.tenants.TenantEntity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bodies of {@code POST /users} and {@code PATCH /users/{id}} as Graph does: known
 * properties only, each type- and length-checked, {@code null} clears an optional one, a required
 * one can be changed but not cleared. Refusals use Graph's wording. The password is checked for
 * Entra ID's complexity rule and then forgotten: never stored, never logged. Stateless.
 */
final class GraphUserInput {
  /** Properties a client may write, with their maximum lengths (0: not a string). */
  private static final Map<String, Integer> WRITABLE =
      Map.ofEntries(
          Map.entry("accountEnabled", 0),
          Map.entry("displayName", 256),
          Map.entry("givenName", 64),
          Map.entry("surname", 64),
          Map.entry("mail", 256),
          Map.entry("mailNickname", 64),
          Map.entry("userPrincipalName", 113),
          Map.entry("usageLocation", 2),
          Map.entry("otherMails", 0),
          Map.entry("jobTitle", 128),
          Map.entry("department", 64),
          Map.entry("passwordProfile", 0));

  private static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "assignedLicenses",
          "createdDateTime",
          "deletedDateTime",
          "lastPasswordChangeDateTime",
          "onPremisesSyncEnabled");

  /** What an on-premises directory masters: read-only in the cloud for synced accounts (R17). */
  static final Set<String> MASTERED =
      Set.of(
          "displayName",
          "givenName",
          "surname",
          "userPrincipalName",
          "mail",
          "mailNickname",
          "jobTitle",
          "department");

  static final Set<String> REQUIRED_ON_CREATE =
      Set.of("accountEnabled", "displayName", "mailNickname", "userPrincipalName");

  private static final Pattern UPN_LOCAL = Pattern.compile("[A-Za-z0-9'._!#^~+-]{1,64}");
  private static final Pattern NICKNAME = Pattern.compile("[^@()\\\\\\[\\]\";:<>,\\s]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final int MAX_OTHER_MAILS = 50;

  private GraphUserInput() {}

  /**
   * Refuses properties the user type does not have or that may not be written; {@code
   * onPremisesSyncEnabled} is accepted on create (a sandbox extension, checked by the caller).
   * OData annotations such as {@code @odata.type} are ignored.
   */
  static void checkProperties(ObjectNode body, boolean create) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.startsWith("@odata.") || WRITABLE.containsKey(name)) {
        continue;
      }
      if (create && name.equals("onPremisesSyncEnabled")) {
        continue;
      }
      throw READ_ONLY.contains(name) ? GraphError.readOnly(name) : GraphError.unknownProperty(name);
    }
  }

  /** {@code onPremisesSyncEnabled} of a create body: false when absent or null. */
  static boolean synced(ObjectNode body) {
    JsonNode value = body.get("onPremisesSyncEnabled");
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw GraphError.invalidValue("onPremisesSyncEnabled");
    }
    return value.booleanValue();
  }

  /**
   * The UPN in {@code body}, checked for form and for the tenant's domains (R13): the initial
   * domain or a verified one.
   */
  static String userPrincipalName(ObjectNode body, TenantEntity tenant) {
    String upn = requiredText(body, "userPrincipalName");
    int at = upn.indexOf('@');
    if (at < 1 || at != upn.lastIndexOf('@') || at == upn.length() - 1) {
      throw GraphError.invalidValue("userPrincipalName");
    }
    String local = upn.substring(0, at);
    if (!UPN_LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")) {
      throw GraphError.invalidValue("userPrincipalName");
    }
    if (!tenant.acceptsUserDomain(upn.substring(at + 1))) {
      throw GraphError.badRequest(
          "The domain portion of the userPrincipalName property is invalid. You must use one of"
              + " the verified domain names in your organization.");
    }
    return upn;
  }

  /** Applies every property in {@code body} but the UPN (see {@link #userPrincipalName}). */
  static void apply(ObjectNode body, SandboxUserEntity user, long now) {
    if (body.has("accountEnabled")) {
      JsonNode value = body.get("accountEnabled");
      if (!value.isBoolean()) {
        throw GraphError.invalidValue("accountEnabled");
      }
      user.setAccountEnabled(value.booleanValue());
    }
    if (body.has("displayName")) {
      user.setDisplayName(requiredText(body, "displayName"));
    }
    if (body.has("mailNickname")) {
      String nickname = requiredText(body, "mailNickname");
      if (!NICKNAME.matcher(nickname).matches()) {
        throw GraphError.invalidValue("mailNickname");
      }
      user.setMailNickname(nickname);
    }
    if (body.has("givenName")) {
      user.setGivenName(optionalText(body, "givenName"));
    }
    if (body.has("surname")) {
      user.setSurname(optionalText(body, "surname"));
    }
    if (body.has("jobTitle")) {
      user.setJobTitle(optionalText(body, "jobTitle"));
    }
    if (body.has("department")) {
      user.setDepartment(optionalText(body, "department"));
    }
    if (body.has("mail")) {
      String mail = optionalText(body, "mail");
      if (mail != null && !EMAIL.matcher(mail).matches()) {
        throw GraphError.invalidValue("mail");
      }
      user.setMail(mail);
    }
    if (body.has("usageLocation")) {
      String country = optionalText(body, "usageLocation");
      if (country != null && !COUNTRY.matcher(country).matches()) {
        throw GraphError.invalidValue("usageLocation");
      }
      user.setUsageLocation(country == null ? null : country.toUpperCase(Locale.ROOT));
    }
    if (body.has("otherMails")) {
      user.setOtherMails(otherMails(body.get("otherMails")));
    }
    if (body.has("passwordProfile")) {
      checkPasswordProfile(body.get("passwordProfile"));
      user.passwordSet(now);
    }
  }

  private static List<String> otherMails(JsonNode value) {
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > MAX_OTHER_MAILS) {
      throw GraphError.invalidValue("otherMails");
    }
    List<String> mails = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()
          || item.asText().length() > 256
          || !EMAIL.matcher(item.asText()).matches()) {
        throw GraphError.invalidValue("otherMails");
      }
      mails.add(item.asText());
    }
    return mails;
  }

  /** Graph requires a password on create; on change it must meet the same rule. */
  static void checkPasswordProfile(@Nullable JsonNode profile) {
    if (profile == null || !profile.isObject()) {
      throw GraphError.invalidValue("passwordProfile");
    }
    Iterator<String> names = profile.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!Set.of(
              "password", "forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa")
          .contains(name)) {
        throw GraphError.unknownProperty(name);
      }
    }
    for (String flag :
        List.of("forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa")) {
      JsonNode value = profile.get(flag);
      if (value != null && !value.isNull() && !value.isBoolean()) {
        throw GraphError.invalidValue("passwordProfile");
      }
    }
    JsonNode password = profile.get("password");
    if (password == null || !password.isTextual() || password.asText().isEmpty()) {
      throw GraphError.invalidValue("passwordProfile");
    }
    if (!isComplex(password.asText())) {
      throw GraphError.badRequest(
          "The specified password does not comply with password complexity requirements. Please"
              + " provide a different password.");
    }
  }

  /** Entra ID's rule: 8 to 256 characters, at least three of upper, lower, digit, symbol. */
  static boolean isComplex(String password) {
    if (password.length() < 8 || password.length() > 256) {
      return false;
    }
    boolean upper = password.chars().anyMatch(Character::isUpperCase);
    boolean lower = password.chars().anyMatch(Character::isLowerCase);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    boolean symbol = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0) >= 3;
  }

  private static String requiredText(ObjectNode body, String property) {
    String value = optionalText(body, property);
    if (value == null || value.isBlank()) {
      throw GraphError.invalidValue(property);
    }
    return value;
  }

  private static @Nullable String optionalText(ObjectNode body, String property) {
    JsonNode value = body.get(property);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().length() > WRITABLE.get(property)) {
      throw GraphError.invalidValue(property);
    }
    return value.asText();
  }
}
