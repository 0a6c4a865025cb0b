package io.tenantsync.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.4.2.5, §3.9) applied to one
 * resource, honouring each attribute's {@code returned} characteristic through the SDK's trimmer
 * ({@code always} attributes stay, {@code never} ones go, {@code request} ones only when asked or
 * written in the request). Immutable, thread-safe.
 */
public final class Projection {
  private static final Projection DEFAULT = new Projection(Set.of(), false);

  private final Set<Path> paths;
  private final boolean excluded;

  private Projection(Set<Path> paths, boolean excluded) {
    this.paths = paths;
    this.excluded = excluded;
  }

  public static Projection none() {
    return DEFAULT;
  }

  /** From the comma-separated query parameters; both at once → 400 {@code invalidValue}. */
  public static Projection of(@Nullable String attributes, @Nullable String excludedAttributes)
      throws BadRequestException {
    return of(split(attributes), split(excludedAttributes));
  }

  /** From lists (e.g. the body of {@code POST .search}). */
  public static Projection of(
      @Nullable Collection<String> attributes, @Nullable Collection<String> excludedAttributes)
      throws BadRequestException {
    boolean hasAttributes = attributes != null && !attributes.isEmpty();
    boolean hasExcluded = excludedAttributes != null && !excludedAttributes.isEmpty();
    if (hasAttributes && hasExcluded) {
      throw BadRequestException.invalidValue(
          "use either attributes or excludedAttributes, not both");
    }
    if (hasAttributes) {
      return new Projection(paths(attributes), false);
    }
    if (hasExcluded) {
      return new Projection(paths(excludedAttributes), true);
    }
    return DEFAULT;
  }

  /** The resource as the client asked to see it. */
  public GenericScimResource apply(ResourceTypeDefinition type, GenericScimResource resource) {
    return apply(type, resource, Set.of());
  }

  /**
   * As {@link #apply(ResourceTypeDefinition, GenericScimResource)}, for a response to a write:
   * {@code written} are the attributes the request set, which are returned even when their {@code
   * returned} characteristic is {@code request}.
   */
  public GenericScimResource apply(
      ResourceTypeDefinition type, GenericScimResource resource, Set<Path> written) {
    if (this == DEFAULT && written.isEmpty()) {
      ObjectNode shown = DefaultReturned.of(type).apply(resource.getObjectNode());
      return shown == resource.getObjectNode() ? resource : new GenericScimResource(shown);
    }
    ScimResourceTrimmer trimmer = new ScimResourceTrimmer(type, written, paths, excluded);
    ObjectNode trimmed = trimmer.trimObjectNode(resource.getObjectNode());
    return new GenericScimResource(trimmed);
  }

  private static @Nullable Set<String> split(@Nullable String list) {
    if (list == null || list.isBlank()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names;
  }

  private static Set<Path> paths(Collection<String> names) throws BadRequestException {
    Set<Path> result = new LinkedHashSet<>();
    for (String name : names) {
      try {
        result.add(Path.fromString(name));
      } catch (BadRequestException e) {
        throw BadRequestException.invalidValue("not an attribute name: " + name);
      }
    }
    return result;
  }
}
