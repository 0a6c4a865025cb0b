package io.tenantsync.server.users;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.products.LicensePool;
import io.tenantsync.server.products.ProductEntity;
import io.tenantsync.server.products.UserLicenseEntity;
import io.tenantsync.server.tenants.TenantSettings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * Brings a user's licenses and roles to what a request asks, inside the request's transaction
 * (API.md rules 1–6):
 *
 * <ul>
 *   <li>an added entitlement takes one unit of its product, a removed one gives it back; any
 *       product without room refuses the whole request (400 {@code invalidValue} naming it), and
 *       the caller's rollback leaves everything as it was;
 *   <li>a request's units are given back and taken in one pass over the products in id order
 *       ({@link LicensePool#change}): moving a user from product A to B in one request (R11) needs
 *       a free unit of B only, and opposite moves running at once cannot deadlock;
 *   <li>in {@code unassign} mode an inactive user's licenses are suspended (remembered, no unit
 *       consumed) and restored on reactivation; in {@code blockOnly} mode they stay;
 *   <li>a license needs a usage location; an admin role needs an alternate email; roles take no
 *       unit.
 * </ul>
 */
final class AccessWriter {
  private AccessWriter() {}

  /**
   * @param skuPartNumbers the entitlements wanted, or null to keep the current ones
   * @param roles the roles wanted, or null to keep the current ones
   */
  static void apply(
      Session session,
      UserEntity user,
      TenantSettings settings,
      @Nullable Set<String> skuPartNumbers,
      @Nullable Set<String> roles)
      throws ScimException {
    UserAccess current = UserAccess.load(session, user.id());
    Map<String, ProductEntity> wanted = products(session, user, current, skuPartNumbers);
    Set<String> wantedRoles =
        roles == null ? new TreeSet<>(current.roles()) : AdminRoles.canonical(roles);

    if (!wanted.isEmpty() && user.usageLocation() == null) {
      throw BadRequestException.invalidValue(
          "a license needs a usage location: set"
              + " urn:tenantsync:scim:schemas:extension:reseller:2.0:User:usageLocation");
    }
    if (!wantedRoles.isEmpty() && user.alternateEmail() == null) {
      throw BadRequestException.invalidValue(
          "an admin role needs an alternate email: set"
              + " urn:tenantsync:scim:schemas:extension:reseller:2.0:User:alternateEmail");
    }

    boolean suspend =
        !user.active() && TenantSettings.DEACTIVATION_UNASSIGN.equals(settings.deactivationMode());
    Map<String, UserAccess.License> held = new HashMap<>();
    current.licenses().forEach(license -> held.put(license.productId(), license));

    Set<String> release = new HashSet<>();
    Set<String> take = new HashSet<>();
    for (UserAccess.License license : current.licenses()) {
      boolean keep = wanted.containsKey(license.productId());
      if (!license.suspended() && (!keep || suspend)) {
        release.add(license.productId());
      }
    }
    for (String productId : wanted.keySet()) {
      UserAccess.License license = held.get(productId);
      if (!suspend && (license == null || license.suspended())) {
        take.add(productId);
      }
    }
    Optional<String> exhausted = LicensePool.change(session, release, take);
    if (exhausted.isPresent()) {
      ProductEntity product = wanted.get(exhausted.get());
      session.refresh(product);
      throw BadRequestException.invalidValue(
          "no free license of "
              + product.skuPartNumber()
              + " ("
              + product.consumedUnits()
              + " of "
              + product.prepaidEnabled()
              + " assigned); free one or buy more first. Nothing was changed.");
    }
    writeLicenses(session, user, held, wanted.keySet(), suspend);
    if (roles != null) {
      writeRoles(session, user, wantedRoles);
    }
  }

  /** Releases every license the user holds and forgets them (DELETE, API.md rule 7). */
  static void releaseAll(Session session, UserEntity user) {
    UserAccess current = UserAccess.load(session, user.id());
    LicensePool.release(
        session,
        current.licenses().stream()
            .filter(l -> !l.suspended())
            .map(UserAccess.License::productId)
            .toList());
    UserLicenseEntity.deleteAll(session, user.id());
  }

  private static Map<String, ProductEntity> products(
      Session session, UserEntity user, UserAccess current, @Nullable Set<String> skuPartNumbers)
      throws BadRequestException {
    Set<String> wanted = new HashSet<>();
    if (skuPartNumbers == null) {
      current
          .licenses()
          .forEach(license -> wanted.add(license.skuPartNumber().toLowerCase(Locale.ROOT)));
    } else {
      skuPartNumbers.forEach(sku -> wanted.add(sku.toLowerCase(Locale.ROOT)));
    }
    Map<String, ProductEntity> result = new HashMap<>();
    if (wanted.isEmpty()) {
      return result;
    }
    List<ProductEntity> found =
        session
            .createSelectionQuery(
                "from ProductEntity where tenantId = :tenant and skuPartNumberCi in :skus",
                ProductEntity.class)
            .setParameter("tenant", user.tenantId())
            .setParameter("skus", wanted)
            .getResultList();
    for (ProductEntity product : found) {
      result.put(product.id(), product);
      wanted.remove(product.skuPartNumber().toLowerCase(Locale.ROOT));
    }
    if (!wanted.isEmpty()) {
      throw BadRequestException.invalidValue(
          "unknown product(s) "
              + new TreeSet<>(wanted)
              + ": entitlements[].value must be the"
              + " skuPartNumber of one of the tenant's Products");
    }
    return result;
  }

  private static void writeLicenses(
      Session session,
      UserEntity user,
      Map<String, UserAccess.License> held,
      Set<String> wanted,
      boolean suspend) {
    for (String productId : held.keySet()) {
      if (!wanted.contains(productId)) {
        UserLicenseEntity.delete(session, user.id(), productId);
      }
    }
    for (String productId : wanted) {
      UserAccess.License license = held.get(productId);
      if (license == null) {
        session.persist(new UserLicenseEntity(user.id(), productId, user.tenantId(), suspend));
      } else if (license.suspended() != suspend) {
        session
            .createMutationQuery(
                "update UserLicenseEntity set suspended = :suspended"
                    + " where userId = :user and productId = :product")
            .setParameter("suspended", suspend)
            .setParameter("user", user.id())
            .setParameter("product", productId)
            .executeUpdate();
      }
    }
  }

  private static void writeRoles(Session session, UserEntity user, Set<String> roles) {
    session
        .createNativeMutationQuery("delete from user_role where user_id = :user")
        .setParameter("user", user.id())
        .executeUpdate();
    for (String role : roles) {
      session
          .createNativeMutationQuery(
              "insert into user_role (user_id, role, tenant_id) values (:user, :role, :tenant)")
          .setParameter("user", user.id())
          .setParameter("role", role)
          .setParameter("tenant", user.tenantId())
          .executeUpdate();
    }
  }
}
