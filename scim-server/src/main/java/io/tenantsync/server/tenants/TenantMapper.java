package io.tenantsync.server.tenants;

import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;

/** Tenant row → {@code Tenants} wire resource. */
final class TenantMapper {
  static final String RESOURCE_TYPE = "Tenant";

  private TenantMapper() {}

  /**
   * @param showCodes whether unverified domains carry their {@code verificationCode} (the DNS TXT
   *     record that proves the tenant owns the domain): for callers who manage domains, on single
   *     tenants only
   */
  static TenantResource toResource(TenantEntity entity, Locations locations, boolean showCodes) {
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
                  if (showCodes && !domain.verified()) {
                    wire.setVerificationCode(domain.verificationCode());
                  }
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
