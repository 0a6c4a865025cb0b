package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What a simple tenant-level SCIM resource type offers ({@code Products}, {@code
 * AutoClaimPolicies}, …): the same contract as {@link ResourceService}, inside one tenant. Users
 * and Groups have richer endpoints of their own.
 */
public interface TenantResourceService<R extends ScimResource> {

  R create(Caller caller, String tenantId, R request, Locations locations) throws ScimException;

  R get(Caller caller, String tenantId, String id, Locations locations) throws ScimException;

  /** As {@link ResourceService#list}: filter, sort and paging in SQL, within the tenant. */
  ListPage<R> list(Caller caller, String tenantId, ListRequest request, Locations locations)
      throws ScimException;

  /** PUT and PATCH, as {@link ResourceService#update}. */
  default R update(
      Caller caller,
      String tenantId,
      String id,
      ResourceEdit<R> edit,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    throw new MethodNotAllowedException("this resource cannot be changed");
  }

  default void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    throw new MethodNotAllowedException("this resource cannot be deleted");
  }
}
