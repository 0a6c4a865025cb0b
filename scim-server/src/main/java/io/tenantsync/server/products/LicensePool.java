package io.tenantsync.server.products;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The one place license counters change (API.md rule 1). Each change is a conditional UPDATE on the
 * product row: it succeeds only while the pool has room, and the row lock it takes holds until the
 * transaction ends, so concurrent requests on any number of server nodes sharing the database can
 * never oversubscribe a product. Callers take units in ascending product-id order so that two
 * transactions never wait on each other's rows in opposite order.
 */
public final class LicensePool {
  private LicensePool() {}

  /**
   * Takes one unit of each product, in id order; returns the first product that has no free unit
   * (the caller must then roll back), or empty when all were taken.
   */
  public static Optional<String> consume(Session session, Collection<String> productIds) {
    for (String productId : productIds.stream().sorted().toList()) {
      int updated =
          session
              .createNativeMutationQuery(
                  "update product set consumed_units = consumed_units + 1, version = version + 1,"
                      + " last_modified = :now"
                      + " where id = :id and consumed_units < prepaid_enabled")
              .setParameter("id", productId)
              .setParameter("now", System.currentTimeMillis())
              .executeUpdate();
      if (updated == 0) {
        return Optional.of(productId);
      }
    }
    return Optional.empty();
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
    for (String productId : productIds.stream().sorted().toList()) {
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
  }

  /** Products by id, for naming an exhausted one. */
  static List<ProductEntity> find(Session session, Collection<String> ids) {
    return session
        .createSelectionQuery("from ProductEntity where id in :ids", ProductEntity.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}
