package io.tenantsync.server.relationships;

import io.tenantsync.server.protocol.ResourceEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/DelegatedAdminRelationships}; the rules are in {@link RelationshipService}. */
@Path("scim/v2/DelegatedAdminRelationships")
public final class RelationshipsEndpoint extends ResourceEndpoint<RelationshipResource> {
  public RelationshipsEndpoint(RelationshipService service) {
    super(service);
  }
}
