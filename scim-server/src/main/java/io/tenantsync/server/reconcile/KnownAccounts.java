package io.tenantsync.server.reconcile;

import io.tenantsync.connector.reconcile.ExpectedAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Every tenant account this server knows by object id, loaded in two streaming queries at the start
 * of a run: managed users (the expected accounts), users deleted through this server, users whose
 * account an earlier run found deleted in the tenant (not expected again: seeing the account means
 * it was restored), and users whose changes are still on their way through the outbox (not
 * compared: they would show as drift for a moment). The link is the object id only: a UPN never
 * makes an account known. Unmanaged users are not here: they are what the run mirrors. A
 * 100,000-user tenant takes a few tens of megabytes.
 */
final class KnownAccounts {

  /**
   * One known account; {@code expected} is null when it is not to be compared. {@code deleted}: the
   * user was deleted through this server; {@code missingInTenant}: an earlier run found the account
   * deleted in the tenant.
   */
  record Known(
      String userId,
      @Nullable ExpectedAccount expected,
      boolean deleted,
      boolean missingInTenant) {}

  private final Map<String, Known> byObjectId;

  private KnownAccounts(Map<String, Known> byObjectId) {
    this.byObjectId = byObjectId;
  }

  static KnownAccounts load(Session session, String tenantId) {
    Map<String, Set<UUID>> skusByUser = new HashMap<>();
    session
        .createNativeQuery(
            "select ul.user_id, p.sku_id from user_license ul"
                + " join product p on p.id = ul.product_id"
                + " join scim_user u on u.id = ul.user_id"
                + " where ul.tenant_id = :tenant and ul.suspended = false and u.managed = true",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setFetchSize(1000)
        .stream()
        .forEach(
            row ->
                skusByUser
                    .computeIfAbsent((String) row[0], id -> new HashSet<>())
                    .add(UUID.fromString((String) row[1])));
    Map<String, Known> known = new HashMap<>();
    session
        .createNativeQuery(
            "select id, tenant_object_id, user_name, active, retained, deleted_at, sync_state,"
                + " tenant_missing_since from scim_user where tenant_id = :tenant and managed = true"
                + " and tenant_object_id is not null",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setFetchSize(1000)
        .stream()
        .forEach(
            row -> {
              String userId = (String) row[0];
              String objectId = (String) row[1];
              boolean retained = truthy(row[4]);
              boolean deleted = row[5] != null;
              boolean pending = "pending".equals(row[6]);
              boolean missing = row[7] != null;
              ExpectedAccount expected =
                  deleted || pending || missing
                      ? null
                      : new ExpectedAccount(
                          objectId,
                          (String) row[2],
                          truthy(row[3]),
                          retained ? Set.of() : skusByUser.getOrDefault(userId, Set.of()),
                          retained);
              known.put(key(objectId), new Known(userId, expected, deleted, missing));
            });
    return new KnownAccounts(known);
  }

  /** The accounts to compare, for a full listing. */
  Collection<ExpectedAccount> expected() {
    List<ExpectedAccount> expected = new ArrayList<>(byObjectId.size());
    for (Known known : byObjectId.values()) {
      if (known.expected() != null) {
        expected.add(known.expected());
      }
    }
    return expected;
  }

  Optional<Known> find(String objectId) {
    return Optional.ofNullable(byObjectId.get(key(objectId)));
  }

  /** The account to compare for a delta change, if any. */
  Optional<ExpectedAccount> expected(String objectId) {
    return find(objectId).map(Known::expected);
  }

  private static boolean truthy(Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }

  private static String key(String objectId) {
    return objectId.toLowerCase(Locale.ROOT);
  }
}
