package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.server.auth.Authenticator;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.persistence.InstallationSecrets;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code /sandbox/{tenantId}/v1.0}: the Microsoft Graph v1.0 subset of a sandbox tenant (see the
 * package documentation for the list). HTTP only: authenticates, reads query options and bodies,
 * calls one service method, and answers in Graph's shapes; every refusal is a {@link GraphError}
 * turned into Graph's error body here, never a SCIM error.
 */
@Path("sandbox/{tenantId}/v1.0")
public final class SandboxEndpoint {
  private final SandboxAccess access;
  private final SandboxUsers users;
  private final SandboxLicensing licensing;
  private final SandboxSkus skus;
  private final SandboxDelta delta;
  private final GraphLinks links;

  SandboxEndpoint(SandboxAccess access, SandboxStore store, GraphLinks links) {
    this.access = access;
    this.users = new SandboxUsers(store);
    this.licensing = new SandboxLicensing(store);
    this.skus = new SandboxSkus(store);
    this.delta = new SandboxDelta(store);
    this.links = links;
  }

  /** The endpoint over {@code database}, accepting the operator token and tenant tokens. */
  public static SandboxEndpoint create(Database database, @Nullable String operatorToken) {
    return new SandboxEndpoint(
        new SandboxAccess(new Authenticator(database, operatorToken)),
        new SandboxStore(database, Clock.systemUTC()),
        new GraphLinks(new SandboxTokens(InstallationSecrets.key(database, "sandbox-links"))));
  }

  @GET
  @Path("users")
  public Response listUsers(
      @PathParam("tenantId") String tenantId, @Context HttpHeaders headers, @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          MultivaluedMap<String, String> query = GraphQueryOptions.of(uri, Set.of());
          Set<String> select = GraphUsers.select(query.getFirst("$select"));
          SandboxUsers.Page page =
              users.list(
                  caller,
                  tenantId,
                  select,
                  ODataFilter.parse(query.getFirst("$filter")),
                  GraphQueryOptions.top(query.getFirst("$top")),
                  links.after(query.getFirst("$skiptoken"), GraphLinks.USERS_PAGE, tenantId));
          ObjectNode body =
              GraphLinks.collection(
                  GraphLinks.context(uri, tenantId, GraphLinks.usersFragment(uri, select)),
                  page.value());
          if (page.continueAfter() != null) {
            body.put(
                "@odata.nextLink",
                links.nextPage(
                    uri, tenantId, "users", GraphLinks.USERS_PAGE, page.continueAfter()));
          }
          return GraphResponses.ok(ids, body);
        });
  }

  @POST
  @Path("users")
  public Response createUser(
      @PathParam("tenantId") String tenantId,
      @Nullable String body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.created(
                ids,
                GraphLinks.annotated(
                    GraphLinks.context(uri, tenantId, "users/$entity"),
                    users.create(caller, tenantId, SandboxJson.parseObject(body)))));
  }

  @GET
  @Path("users/delta")
  public Response delta(
      @PathParam("tenantId") String tenantId, @Context HttpHeaders headers, @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          MultivaluedMap<String, String> query =
              GraphQueryOptions.of(uri, Set.of("$filter", "$top"));
          String deltaToken = query.getFirst("$deltatoken");
          String skipToken = query.getFirst("$skiptoken");
          Set<String> select = GraphUsers.select(query.getFirst("$select"));
          Integer preferred = GraphQueryOptions.preferredPageSize(headers);
          SandboxDelta.Page page;
          if ("latest".equals(deltaToken)) {
            page = delta.latest(caller, tenantId, select);
          } else {
            SandboxDelta.Position position =
                deltaToken != null
                    ? links.deltaRound(deltaToken, tenantId)
                    : skipToken != null
                        ? links.deltaPage(skipToken, tenantId)
                        : SandboxDelta.initial(select);
            select = position.select();
            page =
                delta.page(
                    caller,
                    tenantId,
                    position,
                    preferred == null ? GraphQueryOptions.DEFAULT_TOP : preferred);
          }
          ObjectNode body =
              GraphLinks.collection(
                  GraphLinks.context(uri, tenantId, "users(" + GraphUsers.selectList(select) + ")"),
                  page.value());
          if (page.next() != null) {
            body.put("@odata.nextLink", links.deltaNext(uri, tenantId, page.next()));
          } else if (page.nextRound() != null) {
            body.put("@odata.deltaLink", links.deltaLink(uri, tenantId, page.nextRound()));
          }
          Response response = GraphResponses.ok(ids, body);
          return preferred == null
              ? response
              : Response.fromResponse(response)
                  .header("Preference-Applied", "odata.maxpagesize=" + preferred)
                  .build();
        });
  }

  @GET
  @Path("users/{id}")
  public Response getUser(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          Set<String> select =
              GraphUsers.select(
                  GraphQueryOptions.of(uri, Set.of("$filter", "$top")).getFirst("$select"));
          return GraphResponses.ok(
              ids,
              GraphLinks.annotated(
                  GraphLinks.context(
                      uri, tenantId, GraphLinks.usersFragment(uri, select) + "/$entity"),
                  users.get(caller, tenantId, id, select)));
        });
  }

  @PATCH
  @Path("users/{id}")
  public Response updateUser(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Nullable String body,
      @Context HttpHeaders headers) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          users.update(caller, tenantId, id, SandboxJson.parseObject(body));
          return GraphResponses.noContent(ids);
        });
  }

  @DELETE
  @Path("users/{id}")
  public Response deleteUser(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context HttpHeaders headers) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          users.delete(caller, tenantId, id);
          return GraphResponses.noContent(ids);
        });
  }

  @POST
  @Path("users/{id}/assignLicense")
  public Response assignLicense(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Nullable String body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.ok(
                ids,
                GraphLinks.annotated(
                    GraphLinks.context(uri, tenantId, "users/$entity"),
                    licensing.assign(caller, tenantId, id, SandboxJson.parseObject(body)))));
  }

  @GET
  @Path("subscribedSkus")
  public Response listSkus(
      @PathParam("tenantId") String tenantId, @Context HttpHeaders headers, @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.ok(
                ids,
                GraphLinks.collection(
                    GraphLinks.context(uri, tenantId, "subscribedSkus"),
                    skus.list(caller, tenantId))));
  }

  /** Sandbox extension (operator): adds a product to the tenant. */
  @POST
  @Path("subscribedSkus")
  public Response createSku(
      @PathParam("tenantId") String tenantId,
      @Nullable String body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.created(
                ids,
                GraphLinks.annotated(
                    GraphLinks.context(uri, tenantId, "subscribedSkus/$entity"),
                    skus.create(caller, tenantId, SandboxJson.parseObject(body)))));
  }

  @GET
  @Path("subscribedSkus/{id}")
  public Response getSku(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.ok(
                ids,
                GraphLinks.annotated(
                    GraphLinks.context(uri, tenantId, "subscribedSkus/$entity"),
                    skus.get(caller, tenantId, id))));
  }

  /** Sandbox extension (operator): changes a product's units or capability status. */
  @PATCH
  @Path("subscribedSkus/{id}")
  public Response updateSku(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Nullable String body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.ok(
                ids,
                GraphLinks.annotated(
                    GraphLinks.context(uri, tenantId, "subscribedSkus/$entity"),
                    skus.update(caller, tenantId, id, SandboxJson.parseObject(body)))));
  }

  @GET
  @Path("directory/deletedItems/microsoft.graph.user")
  public Response listDeleted(
      @PathParam("tenantId") String tenantId, @Context HttpHeaders headers, @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          MultivaluedMap<String, String> query = GraphQueryOptions.of(uri, Set.of("$filter"));
          Set<String> select = GraphUsers.select(query.getFirst("$select"));
          SandboxUsers.Page page =
              users.listDeleted(
                  caller,
                  tenantId,
                  select,
                  GraphQueryOptions.top(query.getFirst("$top")),
                  links.after(query.getFirst("$skiptoken"), GraphLinks.DELETED_PAGE, tenantId));
          ObjectNode body =
              GraphLinks.collection(
                  GraphLinks.context(uri, tenantId, "directory/deletedItems/microsoft.graph.user"),
                  page.value());
          if (page.continueAfter() != null) {
            body.put(
                "@odata.nextLink",
                links.nextPage(
                    uri,
                    tenantId,
                    "directory/deletedItems/microsoft.graph.user",
                    GraphLinks.DELETED_PAGE,
                    page.continueAfter()));
          }
          return GraphResponses.ok(ids, body);
        });
  }

  @GET
  @Path("directory/deletedItems/{id}")
  public Response getDeleted(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          Set<String> select =
              GraphUsers.select(
                  GraphQueryOptions.of(uri, Set.of("$filter", "$top")).getFirst("$select"));
          return GraphResponses.ok(
              ids,
              GraphLinks.directoryObject(
                  uri, tenantId, users.getDeleted(caller, tenantId, id, select)));
        });
  }

  @POST
  @Path("directory/deletedItems/{id}/restore")
  public Response restore(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        headers,
        tenantId,
        (caller, ids) ->
            GraphResponses.ok(
                ids,
                GraphLinks.directoryObject(uri, tenantId, users.restore(caller, tenantId, id))));
  }

  @DELETE
  @Path("directory/deletedItems/{id}")
  public Response purge(
      @PathParam("tenantId") String tenantId,
      @PathParam("id") String id,
      @Context HttpHeaders headers) {
    return handle(
        headers,
        tenantId,
        (caller, ids) -> {
          users.purge(caller, tenantId, id);
          return GraphResponses.noContent(ids);
        });
  }

  /** One request: authenticate, run, and answer any refusal as Graph's error. */
  private Response handle(
      HttpHeaders headers,
      String tenantId,
      BiFunction<Caller, GraphResponses.RequestIds, Response> call) {
    GraphResponses.RequestIds ids = GraphResponses.RequestIds.of(headers);
    try {
      Caller caller = access.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
      SandboxAccess.checkPath(caller, tenantId);
      return call.apply(caller, ids);
    } catch (GraphError e) {
      return GraphResponses.error(ids, e);
    }
  }
}
