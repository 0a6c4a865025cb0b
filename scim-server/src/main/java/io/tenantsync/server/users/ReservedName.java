package io.tenantsync.server.users;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One lower-cased name a user holds in its tenant, as userName or initialUserName (R16). The
 * table's unique key on (tenant, name) makes the database refuse a name reserved twice, whatever
 * role each holder gives it; see {@code V9__name_reservations.sql}.
 */
@Embeddable
public class ReservedName {
  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "name_ci", nullable = false)
  private String nameCi;

  protected ReservedName() {}

  ReservedName(String tenantId, String nameCi) {
    this.tenantId = tenantId;
    this.nameCi = nameCi;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReservedName that
        && tenantId.equals(that.tenantId)
        && nameCi.equals(that.nameCi);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, nameCi);
  }
}
