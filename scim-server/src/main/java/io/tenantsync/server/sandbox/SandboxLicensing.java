package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.server.auth.Caller;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /users/{id}/assignLicense}, all or nothing:
 *
 * <pre>{@code
 * {"addLicenses":[{"skuId":"…","disabledPlans":["…"]}],"removeLicenses":["…"]}
 * }</pre>
 *
 * Both arrays are required (empty ones included), as in Graph. Removals are applied first, then
 * additions; adding a product the user holds only changes its disabled plans. Refused whole, with
 * Graph's wording: an unknown product or plan, removing a product the user does not hold, adding
 * without a usage location, or a product with no free unit. Thread-safe.
 */
final class SandboxLicensing {
  private final SandboxStore store;

  SandboxLicensing(SandboxStore store) {
    this.store = store;
  }

  /** Changes the user's licenses and returns the user (Graph's default properties). */
  ObjectNode assign(Caller caller, String tenantId, String idOrUpn, ObjectNode body) {
    Request request = parse(body);
    return store.write(
        caller,
        tenantId,
        tx -> {
          SandboxUserEntity user = SandboxUsers.active(tx, idOrUpn);
          for (UUID skuId : request.remove()) {
            if (SandboxSkus.find(tx, skuId.toString()).isEmpty()) {
              throw SandboxSkus.unknown(skuId);
            }
            if (user.license(skuId).isEmpty()) {
              throw GraphError.badRequest("User does not have a corresponding license.");
            }
          }
          for (Map.Entry<UUID, List<UUID>> add : request.add().entrySet()) {
            SandboxSkuEntity sku =
                SandboxSkus.find(tx, add.getKey().toString())
                    .orElseThrow(() -> SandboxSkus.unknown(add.getKey()));
            Set<UUID> plans = new HashSet<>();
            sku.servicePlans().forEach(p -> plans.add(p.servicePlanId()));
            for (UUID plan : add.getValue()) {
              if (!plans.contains(plan)) {
                throw GraphError.badRequest(
                    "Service plan " + plan + " is not part of License " + add.getKey() + ".");
              }
            }
          }
          if (!request.add().isEmpty() && user.usageLocation() == null) {
            throw GraphError.badRequest(
                "License assignment cannot be done for user with invalid usage location.");
          }
          for (UUID skuId : request.remove()) {
            user.removeLicense(skuId);
            SandboxSkus.release(tx, skuId);
          }
          for (Map.Entry<UUID, List<UUID>> add : request.add().entrySet()) {
            if (user.license(add.getKey()).isEmpty() && !SandboxSkus.take(tx, add.getKey())) {
              throw SandboxSkus.exhausted(add.getKey());
            }
            user.putLicense(add.getKey(), add.getValue());
          }
          user.changed(tx.nextSeq());
          tx.session().flush();
          return GraphUsers.toJson(user, GraphUsers.DEFAULT);
        });
  }

  /** The validated body: additions (SKU → disabled plans) and removals, without overlap. */
  record Request(Map<UUID, List<UUID>> add, Set<UUID> remove) {}

  static Request parse(ObjectNode body) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("addLicenses") && !name.equals("removeLicenses")) {
        throw GraphError.unknownProperty(name);
      }
    }
    List<String> missing =
        List.of("addLicenses", "removeLicenses").stream().filter(p -> !body.has(p)).toList();
    if (!missing.isEmpty()) {
      throw GraphError.badRequest(
          "One or more parameters of the function import 'assignLicense' are missing from the"
              + " request payload. The missing parameters are: "
              + String.join(", ", missing)
              + ".");
    }
    JsonNode adds = body.get("addLicenses");
    JsonNode removes = body.get("removeLicenses");
    if (!adds.isArray() || adds.size() > 100) {
      throw invalid("addLicenses");
    }
    if (!removes.isArray() || removes.size() > 100) {
      throw invalid("removeLicenses");
    }
    Map<UUID, List<UUID>> add = new LinkedHashMap<>();
    for (JsonNode item : adds) {
      if (!item.isObject()) {
        throw invalid("addLicenses");
      }
      UUID skuId = SandboxSkus.uuid(item.get("skuId"), "skuId");
      JsonNode disabled = item.get("disabledPlans");
      List<UUID> plans =
          disabled == null || disabled.isNull()
              ? List.of()
              : disabled.isArray()
                  ? List.copyOf(new LinkedHashSet<>(SandboxSkus.uuids(disabled, "disabledPlans")))
                  : null;
      if (plans == null || add.put(skuId, plans) != null) {
        throw invalid("addLicenses");
      }
    }
    Set<UUID> remove = new LinkedHashSet<>(SandboxSkus.uuids(removes, "removeLicenses"));
    if (remove.stream().anyMatch(add::containsKey)) {
      throw GraphError.badRequest("A license cannot be added and removed in the same request.");
    }
    return new Request(add, remove);
  }

  private static GraphError invalid(String parameter) {
    return GraphError.badRequest("Invalid value specified for property '" + parameter + "'.");
  }
}
