package io.tenantsync.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocationsTest {
  private final Locations locations = Locations.atServer(URI.create("http://host:8080/"));

  @Test
  void aTenantResourceIsTheResourcePathResolvedAgainstTheTenantRoot() {
    String tenant = "01a23d25-6550-7aa1-8756-0776fb1b908a";
    String user = "01a23d25-6575-70f3-9609-73bda484c1e8";
    URI location = locations.tenantResource(tenant, "Users", user);
    assertEquals(
        URI.create("http://host:8080/scim/v2/tenants/" + tenant + "/Users/" + user), location);
    assertEquals(locations.tenantRoot(tenant).resolve("Users/" + user), location);
  }

  @Test
  void installationResourcesHangOffTheScimRoot() {
    assertEquals(
        URI.create("http://host:8080/scim/v2/Resellers/r1"), locations.resource("Resellers", "r1"));
    assertEquals(URI.create("http://host:8080/scim/v2/tenants/t1/"), locations.tenantRoot("t1"));
  }
}
