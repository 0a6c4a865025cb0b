package io.tenantsync.server.auth;

import com.unboundid.scim2.common.exceptions.ForbiddenException;

/** A principal's resolved access to one tenant: which tenant, with which rights. */
public record TenantGrant(String tenantId, AdminRights rights) {

  /** 403 unless the rights are at least Full administration. */
  public void requireFull(String what) throws ForbiddenException {
    if (!rights.atLeast(AdminRights.FULL)) {
      throw new ForbiddenException(
          "Limited administration may not " + what + "; it needs Full administration");
    }
  }

  public boolean isLimited() {
    return rights == AdminRights.LIMITED;
  }
}
