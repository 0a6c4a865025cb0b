package io.tenantsync.server.users;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One value of a user's {@code emails}, kept in its own table so filters on it use an index. */
@Embeddable
public class UserEmail {
  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "email_value", nullable = false)
  private String value;

  @Column(name = "value_ci", nullable = false)
  private String valueCi;

  @Column(name = "email_type")
  private @Nullable String type;

  @Column(name = "is_primary", nullable = false)
  private boolean primary;

  @Column(name = "display")
  private @Nullable String display;

  protected UserEmail() {}

  public UserEmail(
      String tenantId,
      String value,
      @Nullable String type,
      boolean primary,
      @Nullable String display) {
    this.tenantId = tenantId;
    this.value = value;
    this.valueCi = value.toLowerCase(Locale.ROOT);
    this.type = type;
    this.primary = primary;
    this.display = display;
  }

  public String value() {
    return value;
  }

  public @Nullable String type() {
    return type;
  }

  public boolean primary() {
    return primary;
  }

  public @Nullable String display() {
    return display;
  }
}
