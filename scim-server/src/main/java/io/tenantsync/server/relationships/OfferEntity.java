package io.tenantsync.server.relationships;

import io.tenantsync.server.auth.DelegatedRole;
import io.tenantsync.server.persistence.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reseller's delegated-admin offer (R28): reusable, not tied to any tenant. */
@Entity
@Table(name = "delegated_admin_offer")
public class OfferEntity extends Auditable {
  @Id private String id;

  @Column(name = "reseller_id", nullable = false, updatable = false)
  private String resellerId;

  @Column(name = "role", nullable = false, updatable = false)
  private String role;

  @Column(name = "offer_code", nullable = false, updatable = false)
  private String offerCode;

  protected OfferEntity() {}

  public OfferEntity(String id, String resellerId, DelegatedRole role, String offerCode) {
    this.id = id;
    this.resellerId = resellerId;
    this.role = role.wireName();
    this.offerCode = offerCode;
  }

  public String id() {
    return id;
  }

  public String resellerId() {
    return resellerId;
  }

  public DelegatedRole role() {
    for (DelegatedRole candidate : DelegatedRole.values()) {
      if (candidate.wireName().equals(role)) {
        return candidate;
      }
    }
    throw new IllegalStateException("unknown role in database: " + role);
  }

  public String offerCode() {
    return offerCode;
  }
}
