package io.tenantsync.server.products;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * The one place license counters change (API.md rule 1). Each change is a conditional UPDATE on the
 * product row: it succeeds only while the pool has room, and the row lock it takes holds until the
 * transaction ends, so concurrent requests on any number of server nodes sharing the database can
 * never oversubscribe a product.
 *
 * <p>Deadlock freedom: every method here locks the product rows it touches in ascending id order,
 * and a request that both gives back and takes units ({@link #change}) does both in one ascending
 * walk, so two transactions (on any node) never wait on each other's product rows in opposite order
 * — e.g. one moving a user from A to B while another moves a user from B to A.
 */
public final class LicensePool {
  private LicensePool() {}

  /**
   * Gives back one unit of each product in {@code release} and takes one of each in {@code take}
   * (disjoint sets), visiting all of them in one ascending id order. Returns the first product of
   * {@code take} without a free unit (the caller must then roll back), or empty when all were
   * taken.
   */
  public static Optional<String> change(
      Session session, Collection<String> release, Collection<String> take) {
    Set<String> releasing = new HashSet<>(release);
    for (String productId : new TreeSet<>(union(release, take))) {
      if (releasing.contains(productId)) {
        releaseOne(session, productId);
      } else if (!takeOne(session, productId)) {
        return Optional.of(productId);
      }
    }
    return Optional.empty();
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * Takes one unit of each product, in id order; returns the first product that has no free unit
   * (the caller must then roll back), or empty when all were taken.
   */
  public static Optional<String> consume(Session session, Collection<String> productIds) {
    return change(session, List.of(), productIds);
  }

  private static boolean takeOne(Session session, String productId) {
    return session
            .createNativeMutationQuery(
                "update product set consumed_units = consumed_units + 1, version = version + 1,"
                    + " last_modified = :now"
                    + " where id = :id and consumed_units < prepaid_enabled")
            .setParameter("id", productId)
            .setParameter("now", System.currentTimeMillis())
            .executeUpdate()
        == 1;
  }

  /**
   * Takes {@code units} units of one product at once, or none: false when the pool has fewer free.
   * For bulk accounting (reconciliation); requests take one unit per product with {@link #consume}.
   */
  public static boolean consumeUnits(Session session, String productId, int units) {
    if (units <= 0) {
      return true;
    }
    return session
            .createNativeMutationQuery(
                "update product set consumed_units = consumed_units + :units,"
                    + " version = version + 1, last_modified = :now"
                    + " where id = :id and consumed_units + :units <= prepaid_enabled")
            .setParameter("units", units)
            .setParameter("id", productId)
            .setParameter("now", System.currentTimeMillis())
            .executeUpdate()
        == 1;
  }

  /** Gives back one unit of each product, in id order. */
  public static void release(Session session, Collection<String> productIds) {
    change(session, productIds, List.of());
  }

  private static void releaseOne(Session session, String productId) {
    int updated =
        session
            .createNativeMutationQuery(
                "update product set consumed_units = consumed_units - 1, version = version + 1,"
                    + " last_modified = :now where id = :id and consumed_units > 0")
            .setParameter("id", productId)
            .setParameter("now", System.currentTimeMillis())
            .executeUpdate();
    if (updated == 0) {
      throw new IllegalStateException("license counter of product " + productId + " is at 0");
    }
  }

  /** Products by id, for naming an exhausted one. */
  static List<ProductEntity> find(Session session, Collection<String> ids) {
    return session
        .createSelectionQuery("from ProductEntity where id in :ids", ProductEntity.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}
