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

  ListPage<R> list(Caller caller, Page page, Locations locations) throws ScimException;

  default R replace(
      Caller caller, String id, R request, @Nullable String ifMatch, Locations locations)
      throws ScimException {
    throw new MethodNotAllowedException("this resource cannot be replaced");
  }

  void delete(Caller caller, String id, @Nullable String ifMatch) throws ScimException;
}
