package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What an installation-level SCIM resource type offers (RFC 7644 §3.3–3.6). Each method is one
 * transaction; visibility and rights are the implementation's to enforce (out of reach → 404,
 * visible but not allowed → 403). Operations a type does not support answer 405.
 */
public interface ResourceService<R extends ScimResource> {

  R create(Caller caller, R request, Locations locations) throws ScimException;

  R get(Caller caller, String id, Locations locations) throws ScimException;

  /**
   * The resources matching the request's filter, sorted and paged (by index or cursor) in SQL;
   * {@code attributes}/{@code excludedAttributes} are the endpoint's to apply.
   */
  ListPage<R> list(Caller caller, ListRequest request, Locations locations) throws ScimException;

  /**
   * PUT and PATCH: {@code edit} turns the current representation, read in the write's transaction,
   * into the wanted one, which is then applied with the type's replace rules (absent read-write
   * attributes cleared, read-only ones ignored).
   */
  default R update(
      Caller caller, String id, ResourceEdit<R> edit, @Nullable String ifMatch, Locations locations)
      throws ScimException {
    throw new MethodNotAllowedException("this resource cannot be changed; create a new one");
  }

  void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException;
}
