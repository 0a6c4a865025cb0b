package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code subscribedSku} on the wire, and the bodies of the sandbox's SKU extensions:
 *
 * <pre>{@code
 * POST /subscribedSkus
 * {"skuId":"…optional…","skuPartNumber":"ENTERPRISEPACK","prepaidUnits":{"enabled":25},
 *  "servicePlans":[{"servicePlanId":"…optional…","servicePlanName":"TEAMS1"}]}
 * PATCH /subscribedSkus/{skuId}
 * {"prepaidUnits":{"enabled":30,"suspended":0,"warning":0},"capabilityStatus":"Enabled"}
 * }</pre>
 *
 * Stateless.
 */
final class GraphSkus {
  private static final Pattern PART_NUMBER = Pattern.compile("[A-Za-z0-9_.+-]{1,128}");
  private static final Pattern PLAN_NAME = Pattern.compile("[A-Za-z0-9_.+-]{1,128}");
  private static final int MAX_UNITS = 1_000_000;
  private static final int MAX_PLANS = 100;

  private GraphSkus() {}

  /** A validated {@code POST /subscribedSkus}. */
  record Create(@Nullable UUID skuId, String skuPartNumber, List<ServicePlan> plans) {}

  static ObjectNode toJson(SandboxSkuEntity sku) {
    ObjectNode json = SandboxJson.object();
    json.put("id", sku.id());
    json.put("accountId", sku.tenantId());
    json.put("appliesTo", "User");
    json.put("capabilityStatus", sku.capabilityStatus());
    json.put("consumedUnits", sku.consumedUnits());
    json.putObject("prepaidUnits")
        .put("enabled", sku.prepaidEnabled())
        .put("lockedOut", 0)
        .put("suspended", sku.prepaidSuspended())
        .put("warning", sku.prepaidWarning());
    ArrayNode plans = json.putArray("servicePlans");
    for (ServicePlan plan : sku.servicePlans()) {
      plans
          .addObject()
          .put("servicePlanId", plan.servicePlanId().toString())
          .put("servicePlanName", plan.servicePlanName())
          .put("provisioningStatus", plan.provisioningStatus())
          .put("appliesTo", plan.appliesTo());
    }
    json.put("skuId", sku.skuId().toString());
    json.put("skuPartNumber", sku.skuPartNumber());
    json.putArray("subscriptionIds");
    return json;
  }

  static Create create(ObjectNode body) {
    only(
        body, Set.of("skuId", "skuPartNumber", "prepaidUnits", "servicePlans", "capabilityStatus"));
    JsonNode skuId = body.get("skuId");
    JsonNode partNumber = body.get("skuPartNumber");
    if (partNumber == null
        || !partNumber.isTextual()
        || !PART_NUMBER.matcher(partNumber.asText()).matches()) {
      throw invalid("skuPartNumber");
    }
    JsonNode units = body.get("prepaidUnits");
    if (units == null || !units.isObject() || !units.has("enabled")) {
      throw invalid("prepaidUnits");
    }
    return new Create(
        skuId == null || skuId.isNull() ? null : SandboxSkus.uuid(skuId, "skuId"),
        partNumber.asText(),
        plans(body.get("servicePlans")));
  }

  static void checkUpdate(ObjectNode body) {
    only(body, Set.of("prepaidUnits", "capabilityStatus"));
  }

  /** Applies {@code prepaidUnits} and {@code capabilityStatus}, where present. */
  static void applyUnits(ObjectNode body, SandboxSkuEntity sku) {
    JsonNode units = body.get("prepaidUnits");
    if (units != null) {
      if (!units.isObject()) {
        throw invalid("prepaidUnits");
      }
      only((ObjectNode) units, Set.of("enabled", "suspended", "warning", "lockedOut"));
      sku.setPrepaidUnits(
          count(units, "enabled", sku.prepaidEnabled()),
          count(units, "suspended", sku.prepaidSuspended()),
          count(units, "warning", sku.prepaidWarning()));
    }
    JsonNode status = body.get("capabilityStatus");
    if (status != null) {
      if (!status.isTextual() || !SandboxSkus.isCapabilityStatus(status.asText())) {
        throw invalid("capabilityStatus");
      }
      sku.setCapabilityStatus(status.asText());
    }
  }

  private static int count(JsonNode units, String name, int current) {
    JsonNode value = units.get(name);
    if (value == null) {
      return current;
    }
    if (!value.canConvertToInt()
        || !value.isIntegralNumber()
        || value.intValue() < 0
        || value.intValue() > MAX_UNITS) {
      throw invalid("prepaidUnits." + name);
    }
    return value.intValue();
  }

  private static List<ServicePlan> plans(@Nullable JsonNode array) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray() || array.size() > MAX_PLANS) {
      throw invalid("servicePlans");
    }
    List<ServicePlan> plans = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    for (JsonNode item : array) {
      if (!item.isObject()) {
        throw invalid("servicePlans");
      }
      only(
          (ObjectNode) item,
          Set.of("servicePlanId", "servicePlanName", "appliesTo", "provisioningStatus"));
      JsonNode id = item.get("servicePlanId");
      JsonNode name = item.get("servicePlanName");
      if (name == null || !name.isTextual() || !PLAN_NAME.matcher(name.asText()).matches()) {
        throw invalid("servicePlans.servicePlanName");
      }
      UUID planId =
          id == null || id.isNull() ? UUID.randomUUID() : SandboxSkus.uuid(id, "servicePlanId");
      if (!ids.add(planId)) {
        throw invalid("servicePlans.servicePlanId");
      }
      plans.add(
          new ServicePlan(
              planId,
              name.asText(),
              text(item, "appliesTo", "User"),
              text(item, "provisioningStatus", "Success")));
    }
    return plans;
  }

  private static String text(JsonNode item, String name, String fallback) {
    JsonNode value = item.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual() || value.asText().length() > 64) {
      throw invalid("servicePlans." + name);
    }
    return value.asText();
  }

  private static void only(ObjectNode body, Set<String> allowed) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name) && !name.startsWith("@odata.")) {
        throw GraphError.unknownProperty(name);
      }
    }
  }

  private static GraphError invalid(String property) {
    return GraphError.badRequest(
        "Invalid value specified for property '" + property + "' of resource 'SubscribedSku'.");
  }
}
