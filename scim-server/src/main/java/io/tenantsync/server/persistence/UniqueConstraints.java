package io.tenantsync.server.persistence;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import java.util.Locale;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns a unique-constraint violation into 409 {@code uniqueness} with a detail a person can act
 * on. Constraint names are those of the migrations; databases report them in different cases and
 * with table prefixes, so they are matched by containment.
 */
public final class UniqueConstraints {
  private static final Map<String, String> DETAILS =
      Map.ofEntries(
          Map.entry("uq_reseller_display_name", "a reseller with this displayName exists"),
          Map.entry("uq_tenant_initial_domain", "a tenant with this initialDomain exists"),
          Map.entry("uq_user_name", "a user with this userName exists in the tenant"),
          Map.entry(
              "uq_user_initial_name",
              "this userName's local part is reserved by another user's initialUserName"),
          Map.entry(
              "uq_reserved_name",
              "this userName is taken in the tenant: another user holds it as its userName or"
                  + " initialUserName"),
          Map.entry(
              "uq_user_object_id",
              "this tenant account (tenantObjectId) is already linked to another user"),
          Map.entry("uq_user_external_id", "a user with this externalId exists in the tenant"),
          Map.entry("uq_group_display_name", "a group with this displayName exists in the tenant"),
          Map.entry("uq_group_external_id", "a group with this externalId exists in the tenant"),
          Map.entry("uq_product_sku", "a product with this skuPartNumber exists in the tenant"),
          Map.entry("uq_offer_code", "offer code collision; retry"),
          Map.entry(
              "uq_rel_active",
              "the tenant already has an active relationship with this reseller; terminate it"
                  + " first to change the role"),
          Map.entry("uq_api_token_hash", "token collision; retry"));

  private UniqueConstraints() {}

  public static ResourceConflictException conflict(ConstraintViolationException e) {
    String name =
        e.getConstraintName() == null ? "" : e.getConstraintName().toLowerCase(Locale.ROOT);
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> entry : DETAILS.entrySet()) {
      if (name.contains(entry.getKey()) || message.contains(entry.getKey())) {
        return ResourceConflictException.uniqueness(entry.getValue());
      }
    }
    return ResourceConflictException.uniqueness("the request conflicts with an existing resource");
  }
}
