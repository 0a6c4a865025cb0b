package io.tenantsync.server.protocol.query;

import com.unboundid.scim2.common.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SCIM attributes of one resource type that can be filtered or sorted on, and the columns that
 * hold them (RFC 7644 §3.4.2.2: attribute names and schema URNs are case-insensitive).
 *
 * <p>A core attribute is found by its short name ({@code userName}, {@code name.givenName}, {@code
 * meta.lastModified}) or fully qualified ({@code
 * urn:ietf:params:scim:schemas:core:2.0:User:userName}); an extension attribute only fully
 * qualified ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}). A
 * multi-valued attribute ({@code emails}) names its sub-attributes ({@code emails.value}, {@code
 * emails.type}); the bare name stands for its {@code value} sub-attribute.
 *
 * <pre>{@code
 * AttributeCatalog.builder("u")
 *     .coreSchema("urn:ietf:params:scim:schemas:core:2.0:User")
 *     .attribute("userName", AttributeColumn.lowerCasedString("userNameCi").asSortable())
 *     .extension(ENTERPRISE_URN, "employeeNumber", AttributeColumn.caseExactString("employeeNumber"))
 *     .collection("emails", Map.of("value", AttributeColumn.lowerCasedString("valueCi")))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built; build one per resource type at start-up.
 */
public final class AttributeCatalog {
  private static final Pattern ELEMENT_ALIAS = Pattern.compile("e[0-9]+");
  private static final String DEFAULT_SUB_ATTRIBUTE = "value";

  private final String rootAlias;
  private final String coreUrn;

  /** Lower-cased schema URN → lower-cased dotted attribute name → entry. */
  private final Map<String, Map<String, Entry>> attributes;

  /** Lower-cased name of a core multi-valued attribute → its collection on the root entity. */
  private final Map<String, Multi> collections;

  private record Entry(String displayName, AttributeColumn column) {}

  private record Multi(String displayName, String hqlCollection) {}

  private AttributeCatalog(Builder builder, String coreUrn) {
    this.rootAlias = builder.rootAlias;
    this.coreUrn = coreUrn;
    Map<String, Map<String, Entry>> copy = new HashMap<>();
    builder.attributes.forEach((urn, byName) -> copy.put(urn, Map.copyOf(byName)));
    this.attributes = Map.copyOf(copy);
    this.collections = Map.copyOf(builder.collections);
  }

  public static Builder builder(String rootAlias) {
    return new Builder(rootAlias);
  }

  /** The alias of the root entity in the caller's query ({@code u} in {@code from User u}). */
  public String rootAlias() {
    return rootAlias;
  }

  /**
   * The column of a single attribute path; a bare multi-valued attribute gives its {@code value}
   * sub-attribute. Empty when the path is not in the catalog or carries a value filter.
   */
  public Optional<AttributeColumn> find(Path path) {
    String name = dottedName(path);
    return name == null ? Optional.empty() : Optional.ofNullable(column(path.getSchemaUrn(), name));
  }

  /** Every attribute that can be filtered on, as a client would write it, sorted. */
  public List<String> filterableAttributes() {
    return names(false);
  }

  /** Every attribute that can be used as {@code sortBy}, sorted. */
  public List<String> sortableAttributes() {
    return names(true);
  }

  /** The column for {@code name} (dotted, any case) in {@code urn} (null: the core schema). */
  @Nullable AttributeColumn column(@Nullable String urn, String name) {
    Map<String, Entry> schema = attributes.get(urnKey(urn));
    if (schema == null) {
      return null;
    }
    String key = name.toLowerCase(Locale.ROOT);
    Entry entry = schema.get(key);
    if (entry == null && collection(urn, name) != null) {
      entry = schema.get(key + "." + DEFAULT_SUB_ATTRIBUTE);
    }
    return entry == null ? null : entry.column();
  }

  /** The collection on the root entity holding the multi-valued attribute {@code name}. */
  @Nullable String collection(@Nullable String urn, String name) {
    Multi multi =
        urnKey(urn).equals(urnKey(coreUrn)) ? collections.get(name.toLowerCase(Locale.ROOT)) : null;
    return multi == null ? null : multi.hqlCollection();
  }

  /** Whether {@code name} is a single-valued complex attribute with listed sub-attributes. */
  boolean isComplex(@Nullable String urn, String name) {
    Map<String, Entry> schema = attributes.get(urnKey(urn));
    String prefix = name.toLowerCase(Locale.ROOT) + ".";
    return schema != null && schema.keySet().stream().anyMatch(key -> key.startsWith(prefix));
  }

  /** The attribute names of {@code path} joined by dots, or null if it carries a value filter. */
  static @Nullable String dottedName(Path path) {
    List<String> names = new ArrayList<>();
    for (Path.Element element : path) {
      if (element.getValueFilter() != null) {
        return null;
      }
      names.add(element.getAttribute());
    }
    return names.isEmpty() ? null : String.join(".", names);
  }

  private String urnKey(@Nullable String urn) {
    return (urn == null ? coreUrn : urn).toLowerCase(Locale.ROOT);
  }

  private List<String> names(boolean sortableOnly) {
    List<String> names = new ArrayList<>();
    attributes.forEach(
        (urn, byName) ->
            byName.values().stream()
                .filter(entry -> !sortableOnly || entry.column().sortable())
                .forEach(entry -> names.add(entry.displayName())));
    if (!sortableOnly) {
      collections.values().forEach(multi -> names.add(multi.displayName()));
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return List.copyOf(names);
  }

  /** Collects the attributes of one resource type; not thread-safe. */
  public static final class Builder {
    private final String rootAlias;
    private @Nullable String coreUrn;
    private final Map<String, Map<String, Entry>> attributes = new TreeMap<>();
    private final Map<String, Multi> collections = new HashMap<>();

    private Builder(String rootAlias) {
      if (!rootAlias.matches("[A-Za-z_][A-Za-z0-9_]*")
          || ELEMENT_ALIAS.matcher(rootAlias).matches()) {
        throw new IllegalArgumentException("unusable root alias '" + rootAlias + "'");
      }
      this.rootAlias = rootAlias;
    }

    /** The resource type's core schema, whose attributes may also be named without it. */
    public Builder coreSchema(String urn) {
      this.coreUrn = urn;
      return this;
    }

    /**
     * {@code id}, {@code meta.created} and {@code meta.lastModified}, all sortable, for an entity
     * with a string {@code id} that extends {@code Auditable} ({@code createdAt}, {@code
     * lastModified} in epoch milliseconds).
     */
    public Builder auditable() {
      attribute("id", AttributeColumn.caseExactString("id").asSortable());
      attribute("meta.created", AttributeColumn.of("createdAt", ValueType.DATETIME).asSortable());
      return attribute(
          "meta.lastModified", AttributeColumn.of("lastModified", ValueType.DATETIME).asSortable());
    }

    /** A core attribute; {@code name} may be dotted ({@code name.givenName}). */
    public Builder attribute(String name, AttributeColumn column) {
      return put(requireCore(), name, name, column);
    }

    /** An attribute of a schema extension, found only fully qualified. */
    public Builder extension(String urn, String name, AttributeColumn column) {
      return put(urn, name, urn + ":" + name, column);
    }

    /** A core multi-valued attribute kept in the root entity's collection of the same name. */
    public Builder collection(String name, Map<String, AttributeColumn> subAttributes) {
      return collection(name, name, subAttributes);
    }

    /** A core multi-valued attribute kept in {@code hqlCollection} on the root entity. */
    public Builder collection(
        String name, String hqlCollection, Map<String, AttributeColumn> subAttributes) {
      String urn = requireCore();
      if (subAttributes.isEmpty()) {
        throw new IllegalArgumentException(name + ": a collection needs sub-attributes");
      }
      subAttributes.forEach(
          (sub, column) -> {
            if (column.collection() != null && !column.collection().equals(hqlCollection)) {
              throw new IllegalArgumentException(name + "." + sub + " is in another collection");
            }
            String dotted = name + "." + sub;
            put(urn, dotted, dotted, column.inCollection(hqlCollection));
          });
      Multi multi = new Multi(name, hqlCollection);
      if (collections.putIfAbsent(name.toLowerCase(Locale.ROOT), multi) != null) {
        throw new IllegalArgumentException(name + " is listed twice");
      }
      return this;
    }

    public AttributeCatalog build() {
      return new AttributeCatalog(this, requireCore());
    }

    private String requireCore() {
      if (coreUrn == null) {
        throw new IllegalStateException("coreSchema(urn) must come first");
      }
      return coreUrn;
    }

    private Builder put(String urn, String name, String displayName, AttributeColumn column) {
      Map<String, Entry> schema =
          attributes.computeIfAbsent(urn.toLowerCase(Locale.ROOT), key -> new HashMap<>());
      if (schema.putIfAbsent(name.toLowerCase(Locale.ROOT), new Entry(displayName, column))
          != null) {
        throw new IllegalArgumentException(displayName + " is listed twice");
      }
      return this;
    }
  }
}
