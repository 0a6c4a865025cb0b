package io.tenantsync.server.tenants;

import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;

/** Tenant row → {@code Tenants} wire resource. */
final class TenantMapper {
  static final String RESOURCE_TYPE = "Tenant";

  private TenantMapper() {}

  static TenantResource toResource(TenantEntity entity, Locations locations) {
    TenantResource resource = new TenantResource();
    resource.setId(entity.id());
    resource.setExternalId(entity.externalId());
    resource.setDisplayName(entity.displayName());
    resource.setInitialDomain(entity.initialDomain());
    resource.setDomains(
        entity.domains().stream()
            .map(
                domain -> {
                  TenantResource.Domain wire = new TenantResource.Domain();
                  wire.setValue(domain.name());
                  wire.setVerified(domain.verified());
                  return wire;
                })
            .toList());
    resource.setDirectory(
        DirectorySettings.fromStored(entity.directoryType(), entity.directoryConfig()).toWire());
    TenantSettings settings = entity.settings();
    resource.setDeactivationMode(settings.deactivationMode());
    resource.setDriftMode(settings.driftMode());
    resource.setAutoClaimEnabled(settings.autoClaimEnabled());
    resource.setCreatedByReseller(entity.createdByReseller());
    resource.setMeta(
        Metas.of(entity, RESOURCE_TYPE, locations.resource(TenantService.ENDPOINT, entity.id())));
    return resource;
  }
}
