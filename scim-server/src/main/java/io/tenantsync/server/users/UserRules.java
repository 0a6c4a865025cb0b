package io.tenantsync.server.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.TenantGrant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may change what of an existing user, judged on the difference between the user before and
 * after the request (so PUT and every PATCH dialect are judged alike):
 *
 * <ul>
 *   <li>an unmanaged user (R5, API.md rule 8) takes no change but adoption: {@code managed} false →
 *       true, by Full administration or the tenant (403 otherwise); a managed user cannot be made
 *       unmanaged (400 {@code mutability});
 *   <li>Limited administration (R30, rule 11) may only set the password of a user holding no admin
 *       role (403 otherwise);
 *   <li>a directory-synced user's identity attributes are mastered on-premises (R17, rule 9): a
 *       change to them is 400 {@code mutability}; licenses and roles stay writable.
 * </ul>
 */
final class UserRules {
  /** The attributes an on-premises directory masters for a synced user. */
  static final Set<String> SYNCED_IDENTITY =
      Set.of(
          "username",
          "name",
          "displayname",
          "nickname",
          "title",
          "emails",
          "phonenumbers",
          "addresses",
          "externalid",
          "preferredlanguage",
          "locale",
          "timezone",
          "usertype");

  private static final String MANAGED = "managed";

  private UserRules() {}

  static void checkChange(
      TenantGrant grant,
      UserEntity user,
      UserAccess access,
      ObjectNode before,
      ObjectNode after,
      boolean passwordSet)
      throws ScimException {
    Set<String> changed = changed(before, after);
    if (!user.managed()) {
      boolean adoption =
          changed.equals(Set.of(MANAGED))
              && after.path(UserSchemas.RESELLER).path(MANAGED).asBoolean(false)
              && !passwordSet;
      if (!adoption) {
        throw new ForbiddenException(
            "this user was created directly in the tenant and is unmanaged: adopt it first"
                + " (PATCH replace "
                + UserSchemas.RESELLER
                + ":managed with true)");
      }
      grant.requireFull("adopt users");
      return;
    }
    if (changed.contains(MANAGED)) {
      throw BadRequestException.mutability(
          "managed can only change from false to true (adoption of an unmanaged user)");
    }
    if (grant.isLimited()) {
      if (!changed.isEmpty() || !passwordSet) {
        throw new ForbiddenException(
            "Limited administration may only set passwords; it may not change " + changed);
      }
      if (access.isAdmin()) {
        throw new ForbiddenException(
            "Limited administration may not set the password of a user holding an admin role");
      }
      return;
    }
    grant.requireFull("change users");
    if (UserSource.DIRECTORY_SYNC.equals(user.source())) {
      Set<String> mastered = new TreeSet<>();
      for (String attribute : changed) {
        if (SYNCED_IDENTITY.contains(attribute)) {
          mastered.add(attribute);
        }
      }
      if (!mastered.isEmpty()) {
        throw BadRequestException.mutability(
            "this user is synchronised from an on-premises directory: "
                + mastered
                + " can only be changed there; licenses and roles stay writable here");
      }
    }
  }

  /** The user may be deleted over SCIM: not an unmanaged account, and Full rights. */
  static void checkDelete(TenantGrant grant, UserEntity user) throws ScimException {
    if (!user.managed()) {
      throw new ForbiddenException("this user is unmanaged: adopt it before deleting it");
    }
    grant.requireFull("delete users");
  }

  /** Lower-cased names of the top-level attributes (and extension attributes) that differ. */
  static Set<String> changed(ObjectNode before, ObjectNode after) {
    Set<String> names = new HashSet<>();
    collect(before, names);
    collect(after, names);
    Set<String> changed = new TreeSet<>();
    for (String name : names) {
      JsonNode a = find(before, name);
      JsonNode b = find(after, name);
      if (!same(a, b)) {
        changed.add(
            name.contains(":") ? name.substring(name.lastIndexOf(':') + 1).toLowerCase() : name);
      }
    }
    return changed;
  }

  private static final List<String> IGNORED =
      List.of("id", "meta", "schemas", "password", "groups");

  private static void collect(ObjectNode node, Set<String> names) {
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (IGNORED.contains(field.toLowerCase())) {
        continue;
      }
      if (field.startsWith("urn:") && node.get(field) instanceof ObjectNode extension) {
        extension
            .fieldNames()
            .forEachRemaining(sub -> names.add(field.toLowerCase() + ":" + sub.toLowerCase()));
      } else {
        names.add(field.toLowerCase());
      }
    }
  }

  private static JsonNode find(ObjectNode node, String name) {
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.startsWith("urn:")) {
      JsonNode extension = findField(node, name.substring(0, colon));
      return extension == null ? null : findField(extension, name.substring(colon + 1));
    }
    return findField(node, name);
  }

  private static JsonNode findField(JsonNode node, String lowerName) {
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (field.equalsIgnoreCase(lowerName)) {
        return node.get(field);
      }
    }
    return null;
  }

  private static boolean same(JsonNode a, JsonNode b) {
    boolean aEmpty = a == null || a.isNull() || (a.isContainerNode() && a.isEmpty());
    boolean bEmpty = b == null || b.isNull() || (b.isContainerNode() && b.isEmpty());
    if (aEmpty || bEmpty) {
      return aEmpty && bEmpty;
    }
    return a.equals(b);
  }
}
