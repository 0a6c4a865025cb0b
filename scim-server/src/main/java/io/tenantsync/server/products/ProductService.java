package io.tenantsync.server.products;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.TenantAccess;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.Ids;
import io.tenantsync.server.protocol.ETags;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Metas;
import io.tenantsync.server.protocol.ResourceEdit;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.protocol.TenantResourceService;
import io.tenantsync.server.protocol.query.AttributeCatalog;
import io.tenantsync.server.protocol.query.AttributeColumn;
import io.tenantsync.server.protocol.query.CursorCodec;
import io.tenantsync.server.protocol.query.SearchQuery;
import io.tenantsync.server.protocol.query.ValueType;
import io.tenantsync.server.sandbox.SandboxSkuMirror;
import io.tenantsync.server.tenants.DirectorySettings;
import io.tenantsync.server.tenants.TenantEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * License pools of a tenant (R7). Read by anyone who reaches the tenant; written by the operator,
 * the tenant itself and Full administration. {@code consumedUnits} is read-only and exact; the
 * bought quantity can never drop below what is assigned, and a product still assigned to someone
 * (even to a deactivated user who will get it back) cannot be removed. A tenant in Graph mode buys
 * its products in the tenant: they are mirrored by reconciliation and not written here.
 */
public final class ProductService implements TenantResourceService<ProductResource> {
  static final String ENDPOINT = "Products";
  private static final TypeReference<List<ProductResource.ServicePlan>> PLANS =
      new TypeReference<>() {};

  /**
   * Filterable and sortable: id, skuId (any case: a GUID), skuPartNumber and displayName (any
   * case), {@code prepaidUnits.enabled}, consumedUnits, meta dates. Listed by skuPartNumber by
   * default.
   */
  static final AttributeCatalog CATALOG =
      AttributeCatalog.builder("p")
          .coreSchema(ProductResource.SCHEMA)
          .auditable()
          .attribute("skuId", AttributeColumn.caseIgnoreString("skuId").asSortable())
          .attribute(
              "skuPartNumber", AttributeColumn.lowerCasedString("skuPartNumberCi").asSortable())
          .attribute("displayName", AttributeColumn.caseIgnoreString("displayName").asSortable())
          .attribute(
              "prepaidUnits.enabled",
              AttributeColumn.of("prepaidEnabled", ValueType.INTEGER).asSortable())
          .attribute(
              "consumedUnits", AttributeColumn.of("consumedUnits", ValueType.INTEGER).asSortable())
          .build();

  private final Database database;
  private final SearchQuery<ProductEntity> search;

  public ProductService(Database database, CursorCodec cursors, long cursorTimeoutMillis) {
    this.database = database;
    this.search =
        new SearchQuery<>(
                ProductEntity.class,
                "Product",
                CATALOG,
                "p.tenantId = :tenant",
                cursors,
                cursorTimeoutMillis)
            .withDefaultOrder("skuPartNumber", false);
  }

  @Override
  public ProductResource create(
      Caller caller, String tenantId, ProductResource request, Locations locations)
      throws ScimException {
    String skuId =
        request.getSkuId() == null
            ? UUID.randomUUID().toString()
            : guid("skuId", request.getSkuId());
    return database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId).requireFull("change products");
          requireOwnProducts(session, tenantId);
          ProductEntity product = new ProductEntity(Ids.newId(), tenantId, skuId);
          apply(product, request, 0);
          session.persist(product);
          session.flush();
          mirrorToSandbox(session, product);
          return toResource(product, locations);
        });
  }

  @Override
  public ProductResource get(Caller caller, String tenantId, String id, Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          return toResource(find(session, tenantId, id), locations);
        });
  }

  @Override
  public ListPage<ProductResource> list(
      Caller caller, String tenantId, ListRequest request, Locations locations)
      throws ScimException {
    SearchQuery<ProductEntity>.Prepared query = search.prepare(request);
    return database.read(
        session -> {
          TenantAccess.resolve(session, caller, tenantId);
          return query.run(session, tenantId).map(product -> toResource(product, locations));
        });
  }

  @Override
  public ProductResource update(
      Caller caller,
      String tenantId,
      String id,
      ResourceEdit<ProductResource> edit,
      @Nullable String ifMatch,
      Locations locations)
      throws ScimException {
    return database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId).requireFull("change products");
          requireOwnProducts(session, tenantId);
          ProductEntity product = find(session, tenantId, id);
          ETags.checkIfMatch(ifMatch, product.version());
          ProductResource request = edit.apply(toResource(product, locations));
          if (request.getSkuId() != null && !request.getSkuId().equalsIgnoreCase(product.skuId())) {
            throw BadRequestException.mutability("skuId cannot be changed");
          }
          session.refresh(product);
          apply(product, request, product.consumedUnits());
          product.touch();
          session.flush();
          session.refresh(product);
          mirrorToSandbox(session, product);
          return toResource(product, locations);
        });
  }

  @Override
  public void delete(Caller caller, String tenantId, String id, @Nullable String ifMatch)
      throws ScimException {
    database.inTransaction(
        session -> {
          TenantAccess.resolve(session, caller, tenantId).requireFull("change products");
          requireOwnProducts(session, tenantId);
          ProductEntity product = find(session, tenantId, id);
          ETags.checkIfMatch(ifMatch, product.version());
          long holders =
              session
                  .createSelectionQuery(
                      "select count(*) from UserLicenseEntity where productId = :id", Long.class)
                  .setParameter("id", id)
                  .getSingleResult();
          if (holders > 0) {
            throw ResourceConflictException.uniqueness(
                product.skuPartNumber()
                    + " is assigned to "
                    + holders
                    + " user(s), deactivated ones included; unassign it first");
          }
          session.remove(product);
          return null;
        });
  }

  private static void apply(ProductEntity product, ProductResource request, int consumed)
      throws BadRequestException {
    String part = request.getSkuPartNumber();
    if (part == null || part.isBlank() || part.length() > 128) {
      throw BadRequestException.invalidValue("skuPartNumber is required (at most 128 characters)");
    }
    if (request.getPrepaidUnits() == null || request.getPrepaidUnits().getEnabled() == null) {
      throw BadRequestException.invalidValue("prepaidUnits.enabled is required");
    }
    int enabled = request.getPrepaidUnits().getEnabled();
    if (enabled < 0) {
      throw BadRequestException.invalidValue("prepaidUnits.enabled cannot be negative");
    }
    if (enabled < consumed) {
      throw BadRequestException.invalidValue(
          "prepaidUnits.enabled cannot drop to "
              + enabled
              + ": "
              + consumed
              + " units of "
              + part
              + " are assigned; unassign some first");
    }
    List<ProductResource.ServicePlan> plans =
        request.getServicePlans() == null ? List.of() : new ArrayList<>(request.getServicePlans());
    for (ProductResource.ServicePlan plan : plans) {
      if (plan.getServicePlanName() == null || plan.getServicePlanName().isBlank()) {
        throw BadRequestException.invalidValue("every servicePlans entry needs a servicePlanName");
      }
      if (plan.getServicePlanId() == null) {
        plan.setServicePlanId(UUID.randomUUID().toString());
      } else {
        guid("servicePlans.servicePlanId", plan.getServicePlanId());
      }
    }
    product.setSkuPartNumber(part.trim());
    product.setDisplayName(request.getDisplayName());
    product.setPrepaidEnabled(enabled);
    try {
      product.setServicePlans(ScimJsonProvider.MAPPER.writeValueAsString(plans));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store service plans", e);
    }
  }

  /** In Graph mode the products mirror the tenant's subscribedSkus: they change there. */
  private static void requireOwnProducts(Session session, String tenantId)
      throws BadRequestException {
    TenantEntity tenant = session.find(TenantEntity.class, tenantId);
    if (DirectorySettings.GRAPH.equals(tenant.directoryType())) {
      throw BadRequestException.mutability(
          "this tenant's directory is Microsoft Graph: its Products mirror the tenant's"
              + " subscribedSkus at each reconciliation; buy or change licenses in the tenant");
    }
  }

  /** In sandbox mode the Products are what the tenant bought: they exist there as SKUs. */
  private static void mirrorToSandbox(Session session, ProductEntity product) {
    TenantEntity tenant = session.find(TenantEntity.class, product.tenantId());
    if (!DirectorySettings.SANDBOX.equals(tenant.directoryType())) {
      return;
    }
    List<SandboxSkuMirror.Plan> plans =
        toResource(product, null).getServicePlans().stream()
            .map(
                plan ->
                    new SandboxSkuMirror.Plan(plan.getServicePlanId(), plan.getServicePlanName()))
            .toList();
    SandboxSkuMirror.upsert(
        session,
        product.tenantId(),
        product.skuId(),
        product.skuPartNumber(),
        product.prepaidEnabled(),
        plans);
  }

  static ProductEntity find(Session session, String tenantId, String id)
      throws ResourceNotFoundException {
    ProductEntity product = session.find(ProductEntity.class, id);
    if (product == null || !product.tenantId().equals(tenantId)) {
      throw new ResourceNotFoundException("no product " + id + " in this tenant");
    }
    return product;
  }

  private static String guid(String attribute, String value) throws BadRequestException {
    try {
      return UUID.fromString(value).toString();
    } catch (IllegalArgumentException e) {
      throw BadRequestException.invalidValue(attribute + " must be a GUID, not " + value);
    }
  }

  static ProductResource toResource(ProductEntity product, @Nullable Locations locations) {
    ProductResource resource = new ProductResource();
    resource.setId(product.id());
    resource.setSkuId(product.skuId());
    resource.setSkuPartNumber(product.skuPartNumber());
    resource.setDisplayName(product.displayName());
    ProductResource.PrepaidUnits prepaid = new ProductResource.PrepaidUnits();
    prepaid.setEnabled(product.prepaidEnabled());
    resource.setPrepaidUnits(prepaid);
    resource.setConsumedUnits(product.consumedUnits());
    try {
      resource.setServicePlans(ScimJsonProvider.MAPPER.readValue(product.servicePlans(), PLANS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored service plans are unreadable", e);
    }
    if (locations != null) {
      resource.setMeta(
          Metas.of(
              product,
              "Product",
              locations.tenantResource(product.tenantId(), ENDPOINT, product.id())));
    }
    return resource;
  }
}
