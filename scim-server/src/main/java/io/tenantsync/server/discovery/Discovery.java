package io.tenantsync.server.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ScimJsonProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one SCIM service provider publishes about itself (RFC 7644 §4): its configuration, resource
 * types and schemas, with {@code meta.location} under the given root. Immutable, thread-safe.
 */
public final class Discovery {
  private final Capabilities capabilities;
  private final List<ResourceTypeDefinition> resourceTypes;
  private final Map<String, SchemaResource> schemas = new LinkedHashMap<>();

  public Discovery(Capabilities capabilities, List<ResourceTypeDefinition> types) {
    this.capabilities = capabilities;
    this.resourceTypes = List.copyOf(types);
    for (ResourceTypeDefinition type : types) {
      schemas.putIfAbsent(type.getCoreSchema().getId(), type.getCoreSchema());
      type.getSchemaExtensions().keySet().forEach(s -> schemas.putIfAbsent(s.getId(), s));
    }
  }

  /** The configuration as JSON: the SDK's model plus RFC 9865's {@code pagination}. */
  public ObjectNode serviceProviderConfig(URI root) {
    ServiceProviderConfigResource config = capabilities.serviceProviderConfig();
    config.setMeta(meta("ServiceProviderConfig", root.resolve("ServiceProviderConfig")));
    ObjectNode node = ScimJsonProvider.MAPPER.valueToTree(config);
    node.set("pagination", capabilities.pagination());
    return node;
  }

  public List<ResourceTypeResource> resourceTypes(URI root) {
    List<ResourceTypeResource> result = new ArrayList<>();
    for (ResourceTypeDefinition type : resourceTypes) {
      result.add(resourceType(type, root));
    }
    return result;
  }

  public ResourceTypeResource resourceType(String id, URI root) throws ResourceNotFoundException {
    return resourceTypes.stream()
        .filter(type -> type.getName().equals(id) || id.equals(idOf(type)))
        .findFirst()
        .map(type -> resourceType(type, root))
        .orElseThrow(() -> new ResourceNotFoundException("no resource type " + id));
  }

  public List<SchemaResource> schemas(URI root) {
    return schemas.values().stream().map(schema -> withLocation(schema, root)).toList();
  }

  public SchemaResource schema(String id, URI root) throws ResourceNotFoundException {
    SchemaResource schema = schemas.get(id);
    if (schema == null) {
      throw new ResourceNotFoundException("no schema " + id);
    }
    return withLocation(schema, root);
  }

  private static ResourceTypeResource resourceType(ResourceTypeDefinition type, URI root) {
    ResourceTypeResource resource = type.toScimResource();
    resource.setMeta(meta("ResourceType", root.resolve("ResourceTypes/" + idOf(type))));
    return resource;
  }

  private static String idOf(ResourceTypeDefinition type) {
    return type.toScimResource().getId() == null ? type.getName() : type.toScimResource().getId();
  }

  private static SchemaResource withLocation(SchemaResource schema, URI root) {
    SchemaResource copy =
        new SchemaResource(
            schema.getId(), schema.getName(), schema.getDescription(), schema.getAttributes());
    copy.setMeta(meta("Schema", root.resolve("Schemas/" + schema.getId())));
    return copy;
  }

  private static Meta meta(String resourceType, URI location) {
    Meta meta = new Meta();
    meta.setResourceType(resourceType);
    meta.setLocation(location);
    return meta;
  }
}
