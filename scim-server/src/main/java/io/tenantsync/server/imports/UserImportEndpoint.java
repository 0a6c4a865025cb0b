package io.tenantsync.server.imports;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.ScimMedia;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /scim/v2/tenants/{tenantId}/Users/.import} with a {@code text/csv} body (the
 * Microsoft 365 bulk-add columns) and optionally {@code ?entitlements=SKU1,SKU2} to license every
 * imported user. Answers 200 with a result per line; see {@link UserImportService}.
 */
@Path("scim/v2/tenants/{tenantId}/Users/.import")
public final class UserImportEndpoint {
  private final UserImportService service;

  public UserImportEndpoint(UserImportService service) {
    this.service = service;
  }

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
  public Response importCsv(
      @PathParam("tenantId") String tenantId,
      @QueryParam("entitlements") String entitlements,
      InputStream body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    List<String> skus =
        entitlements == null || entitlements.isBlank()
            ? List.of()
            : Arrays.stream(entitlements.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    return Response.ok(
            service.importCsv(
                Caller.of(security),
                tenantId,
                new InputStreamReader(body, StandardCharsets.UTF_8),
                skus,
                Locations.of(uri)))
        .type(ScimMedia.SCIM_JSON)
        .build();
  }
}
