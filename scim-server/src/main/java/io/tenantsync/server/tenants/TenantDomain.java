package io.tenantsync.server.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/** One custom domain of a tenant (R13); usable in user names once verified. */
@Embeddable
public class TenantDomain {
  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "name_ci", nullable = false)
  private String nameCi;

  @Column(name = "verified", nullable = false)
  private boolean verified;

  @Column(name = "verification_code", nullable = false)
  private String verificationCode;

  protected TenantDomain() {}

  public TenantDomain(String name, boolean verified, String verificationCode) {
    this.name = name;
    this.nameCi = name.toLowerCase(Locale.ROOT);
    this.verified = verified;
    this.verificationCode = verificationCode;
  }

  public String name() {
    return name;
  }

  public String nameCi() {
    return nameCi;
  }

  public boolean verified() {
    return verified;
  }

  public String verificationCode() {
    return verificationCode;
  }
}
