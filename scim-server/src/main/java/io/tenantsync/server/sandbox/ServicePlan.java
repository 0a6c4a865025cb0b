package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.UUID;

/**
 * Graph's {@code servicePlanInfo}, as stored in {@code sandbox_sku.service_plans} and sent in
 * {@code subscribedSkus}.
 */
record ServicePlan(
    UUID servicePlanId, String servicePlanName, String appliesTo, String provisioningStatus) {
  private static final TypeReference<List<ServicePlan>> LIST = new TypeReference<>() {};

  static List<ServicePlan> read(String json) {
    try {
      return SandboxJson.MAPPER.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored service plans are unreadable", e);
    }
  }

  static String write(List<ServicePlan> plans) {
    return SandboxJson.write(plans);
  }
}
