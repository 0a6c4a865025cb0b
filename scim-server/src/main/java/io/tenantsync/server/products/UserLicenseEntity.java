package io.tenantsync.server.products;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.Session;

/**
 * One license a user holds: one entitlement (API.md rule 1). A suspended license was released by
 * deactivation and is remembered for reactivation; it consumes no unit.
 */
@Entity
@Table(name = "user_license")
@IdClass(UserLicenseEntity.Key.class)
public class UserLicenseEntity {
  @Id
  @Column(name = "user_id")
  private String userId;

  @Id
  @Column(name = "product_id")
  private String productId;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "suspended", nullable = false)
  private boolean suspended;

  @Column(name = "assigned_at", nullable = false)
  private long assignedAt;

  protected UserLicenseEntity() {}

  /**
   * Removes the user's license of one product (its unit is the caller's to release, {@code
   * LicensePool}); nothing when the user holds none.
   */
  public static void delete(Session session, String userId, String productId) {
    session
        .createMutationQuery(
            "delete from UserLicenseEntity where userId = :user and productId = :product")
        .setParameter("user", userId)
        .setParameter("product", productId)
        .executeUpdate();
  }

  /** Removes every license the user holds (units likewise the caller's to release). */
  public static void deleteAll(Session session, String userId) {
    session
        .createMutationQuery("delete from UserLicenseEntity where userId = :user")
        .setParameter("user", userId)
        .executeUpdate();
  }

  public UserLicenseEntity(String userId, String productId, String tenantId, boolean suspended) {
    this.userId = userId;
    this.productId = productId;
    this.tenantId = tenantId;
    this.suspended = suspended;
    this.assignedAt = System.currentTimeMillis();
  }

  public String userId() {
    return userId;
  }

  public String productId() {
    return productId;
  }

  public boolean suspended() {
    return suspended;
  }

  public void setSuspended(boolean suspended) {
    this.suspended = suspended;
  }

  /** Composite key. */
  public record Key(String userId, String productId) implements Serializable {
    public Key() {
      this("", "");
    }
  }
}
