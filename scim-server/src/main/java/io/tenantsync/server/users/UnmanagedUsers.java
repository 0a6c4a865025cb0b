package io.tenantsync.server.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.tenants.TenantEntity;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Users that mirror accounts found in the tenant directory which this server neither created nor
 * retains (R5, API.md rule 8): {@code managed} false, {@code source} {@code tenant} or {@code
 * directorySync}, {@code syncState} {@code synced}. Their attributes follow the tenant on every
 * reconciliation until they are adopted. Licenses are the reconciliation's business, not this
 * class's. Stateless.
 */
public final class UnmanagedUsers {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private UnmanagedUsers() {}

  /**
   * A new, not yet persisted, unmanaged user for {@code account}.
   *
   * @param initialUserName a name on the tenant's initial domain no other user holds (see {@link
   *     #initialUserNameCandidate})
   */
  public static UserEntity create(
      TenantEntity tenant, DirectoryUser account, String initialUserName) {
    UserEntity user = new UserEntity(Ids.newId(), tenant.id());
    write(user, account);
    user.setInitialUserName(initialUserName);
    user.setManaged(false);
    return user;
  }

  /**
   * Brings an unmanaged user's attributes to what the tenant holds; returns whether anything
   * changed. A user adopted meanwhile is left alone.
   */
  public static boolean refresh(UserEntity user, DirectoryUser account) {
    if (user.managed()) {
      return false;
    }
    UserEntity wanted = new UserEntity(user.id(), user.tenantId());
    write(wanted, account);
    if (fingerprint(wanted).equals(fingerprint(user))) {
      return false; // untouched, so Hibernate writes nothing
    }
    write(user, account);
    user.touch();
    return true;
  }

  /** The initial user name an account would reserve: its mail nickname on the initial domain. */
  public static String initialUserNameCandidate(TenantEntity tenant, DirectoryUser account) {
    String upn = account.userPrincipalName();
    String local =
        account.mailNickname() != null && !account.mailNickname().isBlank()
            ? account.mailNickname()
            : upn.substring(0, Math.max(0, upn.lastIndexOf('@')));
    return local + "@" + tenant.initialDomain();
  }

  /** A numbered variant of {@code candidate} ({@code bob2@…}), for when it is taken. */
  public static String numbered(String candidate, int number) {
    int at = candidate.lastIndexOf('@');
    return candidate.substring(0, at) + number + candidate.substring(at);
  }

  private static void write(UserEntity user, DirectoryUser account) {
    try {
      UserMapper.write(toScim(account), user);
    } catch (BadRequestException e) {
      throw new IllegalStateException("cannot map tenant account " + account.id(), e);
    }
    user.setSource(account.onPremisesSyncEnabled() ? UserSource.DIRECTORY_SYNC : UserSource.TENANT);
    user.setTenantObjectId(account.id());
    user.setSync(SyncState.SYNCED, null);
  }

  /** The account in SCIM terms, as {@link UserMapper#write} takes it. */
  private static ObjectNode toScim(DirectoryUser account) {
    ObjectNode user = JSON.objectNode();
    user.put("userName", account.userPrincipalName());
    putIfSet(user, "displayName", account.displayName());
    putIfSet(user, "title", account.jobTitle());
    user.put("active", account.accountEnabled());
    if (account.givenName() != null || account.surname() != null) {
      ObjectNode name = user.putObject("name");
      putIfSet(name, "givenName", account.givenName());
      putIfSet(name, "familyName", account.surname());
    }
    if (account.mail() != null && !account.mail().isBlank()) {
      ArrayNode emails = user.putArray("emails");
      emails.addObject().put("value", account.mail()).put("type", "work").put("primary", true);
    }
    if (account.department() != null) {
      user.putObject(UserSchemas.ENTERPRISE).put("department", account.department());
    }
    ObjectNode reseller = user.putObject(UserSchemas.RESELLER);
    putIfSet(
        reseller,
        "usageLocation",
        account.usageLocation() == null ? null : account.usageLocation().toUpperCase(Locale.ROOT));
    if (!account.otherMails().isEmpty()) {
      reseller.put("alternateEmail", account.otherMails().get(0));
    }
    return user;
  }

  private static String fingerprint(UserEntity user) {
    return String.join(
        "\u0000",
        user.userName(),
        Objects.toString(user.usageLocation()),
        Objects.toString(user.alternateEmail()),
        String.valueOf(user.active()),
        user.source(),
        user.attributes(),
        user.emails().stream()
            .map(email -> email.value() + "/" + email.type() + "/" + email.primary())
            .toList()
            .toString());
  }

  private static void putIfSet(ObjectNode node, String field, @Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
