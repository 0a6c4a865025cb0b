package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox user as Graph sends it, with {@code $select}. Without {@code $select} a user has
 * Graph's default properties (those of them the sandbox implements): {@code id, userPrincipalName,
 * displayName, givenName, surname, mail, jobTitle}. Property names in {@code $select} are matched
 * case-insensitively, as Graph does; an unknown one is 400. Stateless.
 */
final class GraphUsers {
  /** Every property the sandbox implements, in the order it writes them. */
  static final List<String> PROPERTIES =
      List.of(
          "id",
          "userPrincipalName",
          "displayName",
          "givenName",
          "surname",
          "mail",
          "mailNickname",
          "accountEnabled",
          "usageLocation",
          "onPremisesSyncEnabled",
          "assignedLicenses",
          "otherMails",
          "jobTitle",
          "department",
          "createdDateTime",
          "deletedDateTime",
          "lastPasswordChangeDateTime");

  static final Set<String> DEFAULT =
      Set.of("id", "userPrincipalName", "displayName", "givenName", "surname", "mail", "jobTitle");

  private static final Map<String, String> BY_LOWER_CASE =
      PROPERTIES.stream()
          .collect(Collectors.toMap(p -> p.toLowerCase(Locale.ROOT), Function.identity()));

  private GraphUsers() {}

  /**
   * The properties a {@code $select} value names, canonically spelt; {@link #DEFAULT} when absent.
   *
   * @throws GraphError 400 for a property the user type does not have
   */
  static Set<String> select(@Nullable String select) {
    if (select == null || select.isBlank()) {
      return DEFAULT;
    }
    Set<String> selected = new LinkedHashSet<>();
    for (String raw : select.split(",", -1)) {
      String name = raw.trim();
      String canonical = BY_LOWER_CASE.get(name.toLowerCase(Locale.ROOT));
      if (canonical == null) {
        throw GraphError.badRequest(
            "BadRequest",
            "Could not find a property named '" + name + "' on type 'microsoft.graph.user'.");
      }
      selected.add(canonical);
    }
    return Set.copyOf(selected);
  }

  /** {@code $select} in the canonical order, for {@code @odata.context}. */
  static String selectList(Set<String> select) {
    return PROPERTIES.stream().filter(select::contains).collect(Collectors.joining(","));
  }

  static ObjectNode toJson(SandboxUserEntity user, Set<String> select) {
    ObjectNode json = SandboxJson.object();
    for (String property : PROPERTIES) {
      if (select.contains(property)) {
        put(json, property, user);
      }
    }
    return json;
  }

  private static void put(ObjectNode json, String property, SandboxUserEntity u) {
    switch (property) {
      case "id" -> json.put(property, u.id());
      case "userPrincipalName" -> json.put(property, u.userPrincipalName());
      case "displayName" -> json.put(property, u.displayName());
      case "givenName" -> json.put(property, u.givenName());
      case "surname" -> json.put(property, u.surname());
      case "mail" -> json.put(property, u.mail());
      case "mailNickname" -> json.put(property, u.mailNickname());
      case "accountEnabled" -> json.put(property, u.accountEnabled());
      case "usageLocation" -> json.put(property, u.usageLocation());
      // Graph: null for cloud-only accounts, true for accounts synchronised from on-premises.
      case "onPremisesSyncEnabled" ->
          json.put(property, u.onPremisesSyncEnabled() ? Boolean.TRUE : null);
      case "assignedLicenses" -> licenses(json.putArray(property), u);
      case "otherMails" -> u.otherMails().forEach(json.putArray(property)::add);
      case "jobTitle" -> json.put(property, u.jobTitle());
      case "department" -> json.put(property, u.department());
      case "createdDateTime" -> json.put(property, dateTime(u.created()));
      case "deletedDateTime" ->
          json.put(property, u.deleted().map(GraphUsers::dateTime).orElse(null));
      case "lastPasswordChangeDateTime" ->
          json.put(property, u.passwordChanged().map(GraphUsers::dateTime).orElse(null));
      default -> throw new IllegalArgumentException("unmapped property " + property);
    }
  }

  private static void licenses(ArrayNode array, SandboxUserEntity u) {
    for (SandboxLicense license : u.licenses()) {
      ObjectNode item = array.addObject();
      ArrayNode disabled = item.putArray("disabledPlans");
      for (UUID plan : license.disabledPlans()) {
        disabled.add(plan.toString());
      }
      item.put("skuId", license.skuId().toString());
    }
  }

  /** Graph's {@code DateTimeOffset} form: UTC, whole seconds, {@code Z}. */
  static String dateTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
