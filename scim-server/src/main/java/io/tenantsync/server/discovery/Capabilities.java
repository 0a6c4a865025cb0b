package io.tenantsync.server.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import io.tenantsync.server.protocol.RequestLimits;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.util.List;

/**
 * What a SCIM service provider truthfully supports, in one place: the {@code ServiceProviderConfig}
 * (RFC 7643 §5) is generated from it, so what is advertised is what the code enforces ({@link
 * RequestLimits}).
 *
 * @param cursorTimeoutSeconds how long a cursor stays valid (RFC 9865); 0 = no cursor paging
 */
public record Capabilities(
    boolean patch,
    boolean bulk,
    boolean filter,
    boolean sort,
    boolean changePassword,
    boolean etag,
    int cursorTimeoutSeconds) {

  public ServiceProviderConfigResource serviceProviderConfig() {
    return new ServiceProviderConfigResource(
        "https://github.com/tenantsync/tenantsync/blob/main/docs/api.md",
        new PatchConfig(patch),
        bulk
            ? new BulkConfig(
                true, RequestLimits.MAX_BULK_OPERATIONS, RequestLimits.MAX_PAYLOAD_BYTES)
            : new BulkConfig(false, 0, 0),
        new FilterConfig(filter, RequestLimits.MAX_PAGE_SIZE),
        new ChangePasswordConfig(changePassword),
        new SortConfig(sort),
        new ETagConfig(etag),
        List.of(InstallationDiscovery.bearer()));
  }

  /** The RFC 9865 {@code pagination} object, which the SDK's model does not have yet. */
  public ObjectNode pagination() {
    ObjectNode pagination = ScimJsonProvider.MAPPER.createObjectNode();
    pagination.put("cursor", cursorTimeoutSeconds > 0);
    pagination.put("index", true);
    pagination.put("defaultPaginationMethod", "index");
    pagination.put("defaultPageSize", RequestLimits.DEFAULT_PAGE_SIZE);
    pagination.put("maxPageSize", RequestLimits.MAX_PAGE_SIZE);
    if (cursorTimeoutSeconds > 0) {
      pagination.put("cursorTimeout", cursorTimeoutSeconds);
    }
    return pagination;
  }
}
