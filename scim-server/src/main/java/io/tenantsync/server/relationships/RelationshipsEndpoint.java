package io.tenantsync.server.relationships;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceEndpoint;
import io.tenantsync.server.protocol.ResourceTypes;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/DelegatedAdminRelationships}; the rules are in {@link RelationshipService}. */
@Path("scim/v2/DelegatedAdminRelationships")
public final class RelationshipsEndpoint extends ResourceEndpoint<RelationshipResource> {
  public static final ResourceTypeDefinition TYPE =
      ResourceTypes.define(
          "DelegatedAdminRelationship", "/DelegatedAdminRelationships", RelationshipResource.class);

  public RelationshipsEndpoint(RelationshipService service) {
    super(service, TYPE, RelationshipResource.class);
  }
}
