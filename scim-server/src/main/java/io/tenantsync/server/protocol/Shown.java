package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.net.URI;
import java.util.Set;

/**
 * A resource as the client asked to see it, with the version and location of the full resource kept
 * beside it: the projection may leave {@code meta} out, the {@code ETag} and {@code Location}
 * headers never do.
 */
public record Shown(GenericScimResource body, long version, URI location) {

  public static Shown of(
      GenericScimResource full,
      ResourceTypeDefinition type,
      Projection projection,
      Set<Path> written) {
    JsonNode meta = full.getObjectNode().path("meta");
    return new Shown(
        projection.apply(type, full, written),
        ETags.parse(meta.path("version").asText()),
        URI.create(meta.path("location").asText()));
  }

  public static Shown of(
      GenericScimResource full, ResourceTypeDefinition type, Projection projection) {
    return of(full, type, projection, Set.of());
  }

  /** A typed (annotated) resource as the client asked to see it. */
  public static Shown of(
      com.unboundid.scim2.common.ScimResource resource,
      ResourceTypeDefinition type,
      Projection projection) {
    return of(resource.asGenericScimResource(), type, projection);
  }

  public String etag() {
    return ETags.of(version);
  }
}
