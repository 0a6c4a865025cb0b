package io.tenantsync.server.tenants;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Per-tenant choices.
 *
 * @param deactivationMode {@code unassign} (default: {@code active:false} releases licenses) or
 *     {@code blockOnly} (sign-in blocked, licenses kept) — API.md rule 6
 * @param driftMode {@code report} (default) or {@code repair} — what reconciliation does with drift
 * @param autoClaimEnabled whether license auto-claim is on (R22; off by default)
 */
public record TenantSettings(String deactivationMode, String driftMode, boolean autoClaimEnabled) {
  public static final String DEACTIVATION_UNASSIGN = "unassign";
  public static final String DEACTIVATION_BLOCK_ONLY = "blockOnly";
  public static final String DRIFT_REPORT = "report";
  public static final String DRIFT_REPAIR = "repair";

  public static TenantSettings defaults() {
    return new TenantSettings(DEACTIVATION_UNASSIGN, DRIFT_REPORT, false);
  }

  /** Validates wire values; null keeps the current value. */
  public TenantSettings with(
      @Nullable String deactivationMode,
      @Nullable String driftMode,
      @Nullable Boolean autoClaimEnabled)
      throws BadRequestException {
    return new TenantSettings(
        deactivationMode == null
            ? this.deactivationMode
            : oneOf(
                "deactivationMode",
                deactivationMode,
                DEACTIVATION_UNASSIGN,
                DEACTIVATION_BLOCK_ONLY),
        driftMode == null
            ? this.driftMode
            : oneOf("driftMode", driftMode, DRIFT_REPORT, DRIFT_REPAIR),
        autoClaimEnabled == null ? this.autoClaimEnabled : autoClaimEnabled);
  }

  private static String oneOf(String attribute, String value, String first, String second)
      throws BadRequestException {
    if (value.equalsIgnoreCase(first)) {
      return first;
    }
    if (value.equalsIgnoreCase(second)) {
      return second;
    }
    throw BadRequestException.invalidValue(
        attribute + " must be " + first + " or " + second + ", not " + value);
  }
}
