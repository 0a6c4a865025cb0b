package io.tenantsync.conformance;

/** The schema and message URNs of RFC 7643 / RFC 7644 and TenantSync's own. */
public final class Urns {
  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String SERVICE_PROVIDER_CONFIG =
      "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  public static final String TENANTSYNC_USER =
      "urn:tenantsync:scim:schemas:extension:reseller:2.0:User";
  public static final String TENANT = "urn:tenantsync:scim:schemas:core:2.0:Tenant";
  public static final String RESELLER = "urn:tenantsync:scim:schemas:core:2.0:Reseller";
  public static final String API_TOKEN = "urn:tenantsync:scim:schemas:core:2.0:ApiToken";
  public static final String PRODUCT = "urn:tenantsync:scim:schemas:core:2.0:Product";
  public static final String OFFER = "urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminOffer";
  public static final String RELATIONSHIP =
      "urn:tenantsync:scim:schemas:core:2.0:DelegatedAdminRelationship";

  private Urns() {}
}
