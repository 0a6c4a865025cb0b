package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.server.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's products ({@code subscribedSkus}) and their unit counts.
 *
 * <p>Units are taken and released only by {@link #take} and {@link #release}: conditional UPDATEs
 * ({@code consumed_units < prepaid_enabled}, {@code consumed_units > 0}) that the database applies
 * atomically, so no interleaving of assignments on any number of nodes oversubscribes a product.
 * {@code consumedUnits} is therefore always the number of units held by active accounts.
 *
 * <p>Adding products and changing their units are sandbox extensions for the operator (a real
 * tenant buys them): {@code POST /subscribedSkus}, {@code PATCH /subscribedSkus/{skuId}}.
 * Thread-safe.
 */
final class SandboxSkus {
  private static final Set<String> CAPABILITY_STATUSES =
      Set.of("Enabled", "Warning", "Suspended", "Deleted", "LockedOut");

  private final SandboxStore store;

  SandboxSkus(SandboxStore store) {
    this.store = store;
  }

  List<ObjectNode> list(Caller caller, String tenantId) {
    return store.read(
        caller,
        tenantId,
        tx ->
            tx.session()
                .createSelectionQuery(
                    "from SandboxSkuEntity where tenantId = :t order by skuPartNumberCi",
                    SandboxSkuEntity.class)
                .setParameter("t", tx.tenantId())
                .getResultStream()
                .map(GraphSkus::toJson)
                .toList());
  }

  /** By Graph's id ({@code {tenantId}_{skuId}}) or by the bare skuId. */
  ObjectNode get(Caller caller, String tenantId, String id) {
    return store.read(
        caller,
        tenantId,
        tx -> GraphSkus.toJson(find(tx, id).orElseThrow(() -> GraphError.notFound(id))));
  }

  ObjectNode create(Caller caller, String tenantId, ObjectNode body) {
    SandboxAccess.requireOperator(caller);
    GraphSkus.Create request = GraphSkus.create(body);
    return store.write(
        caller,
        tenantId,
        tx -> {
          UUID skuId = request.skuId() == null ? UUID.randomUUID() : request.skuId();
          if (find(tx, skuId.toString()).isPresent()) {
            throw GraphError.conflict("skuId");
          }
          if (tx.session()
                  .createSelectionQuery(
                      "select count(*) from SandboxSkuEntity where tenantId = :t"
                          + " and skuPartNumberCi = lower(:p)",
                      Long.class)
                  .setParameter("t", tx.tenantId())
                  .setParameter("p", request.skuPartNumber())
                  .getSingleResult()
              > 0) {
            throw GraphError.conflict("skuPartNumber");
          }
          SandboxSkuEntity sku =
              new SandboxSkuEntity(tx.tenantId(), skuId, request.skuPartNumber(), request.plans());
          GraphSkus.applyUnits(body, sku);
          tx.session().persist(sku);
          tx.session().flush();
          return GraphSkus.toJson(sku);
        });
  }

  ObjectNode update(Caller caller, String tenantId, String id, ObjectNode body) {
    SandboxAccess.requireOperator(caller);
    GraphSkus.checkUpdate(body);
    return store.write(
        caller,
        tenantId,
        tx -> {
          SandboxSkuEntity sku = find(tx, id).orElseThrow(() -> GraphError.notFound(id));
          GraphSkus.applyUnits(body, sku);
          tx.session().flush();
          return GraphSkus.toJson(sku);
        });
  }

  static Optional<SandboxSkuEntity> find(SandboxTx tx, String id) {
    String skuId =
        id.startsWith(tx.tenantId() + "_") ? id.substring(tx.tenantId().length() + 1) : id;
    return tx.session()
        .createSelectionQuery(
            "from SandboxSkuEntity where tenantId = :t and skuId = :s", SandboxSkuEntity.class)
        .setParameter("t", tx.tenantId())
        .setParameter("s", skuId.toLowerCase(Locale.ROOT))
        .uniqueResultOptional();
  }

  /**
   * Takes one unit of the product, if one is free.
   *
   * @return false when every unit is consumed
   */
  static boolean take(SandboxTx tx, UUID skuId) {
    return tx.session()
            .createNativeMutationQuery(
                "update sandbox_sku set consumed_units = consumed_units + 1"
                    + " where tenant_id = :t and sku_id = :s and consumed_units < prepaid_enabled")
            .setParameter("t", tx.tenantId())
            .setParameter("s", skuId.toString())
            .executeUpdate()
        == 1;
  }

  /** Gives one unit of the product back. */
  static void release(SandboxTx tx, UUID skuId) {
    tx.session()
        .createNativeMutationQuery(
            "update sandbox_sku set consumed_units = consumed_units - 1"
                + " where tenant_id = :t and sku_id = :s and consumed_units > 0")
        .setParameter("t", tx.tenantId())
        .setParameter("s", skuId.toString())
        .executeUpdate();
  }

  /** Graph's refusal when a product has no free unit. */
  static GraphError exhausted(UUID skuId) {
    return GraphError.badRequest("Subscription " + skuId + " has no more available licenses.");
  }

  /** Graph's refusal for a SKU the tenant has not bought. */
  static GraphError unknown(@Nullable Object skuId) {
    return GraphError.badRequest(
        "License " + skuId + " does not correspond to a valid company License.");
  }

  static List<UUID> uuids(JsonNode array, String property) {
    List<UUID> ids = new ArrayList<>();
    for (JsonNode item : array) {
      ids.add(uuid(item, property));
    }
    return ids;
  }

  static UUID uuid(JsonNode value, String property) {
    if (value == null || !value.isTextual()) {
      throw GraphError.badRequest("Invalid value specified for property '" + property + "'.");
    }
    try {
      return UUID.fromString(value.asText());
    } catch (IllegalArgumentException e) {
      throw GraphError.badRequest("Invalid value specified for property '" + property + "'.");
    }
  }

  static boolean isCapabilityStatus(String value) {
    return CAPABILITY_STATUSES.contains(value);
  }
}
