package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.messages.ListResponse;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;

/** The shapes of successful responses: created, read, listed, deleted. */
public final class ScimResponses {
  private ScimResponses() {}

  /** 201 with {@code Location} and {@code ETag} taken from the resource's meta. */
  public static Response created(ScimResource resource) {
    var meta = Objects.requireNonNull(resource.getMeta(), "meta");
    return Response.created(meta.getLocation())
        .type(ScimMedia.SCIM_JSON_TYPE)
        .header("ETag", meta.getVersion())
        .entity(resource)
        .build();
  }

  /** 200 with {@code ETag} (and {@code Location}) from the resource's meta. */
  public static Response ok(ScimResource resource) {
    var meta = Objects.requireNonNull(resource.getMeta(), "meta");
    return Response.ok(resource)
        .type(ScimMedia.SCIM_JSON_TYPE)
        .header("ETag", meta.getVersion())
        .header("Location", meta.getLocation())
        .build();
  }

  /** 201 for a projected resource. */
  public static Response created(Shown shown) {
    return Response.created(shown.location())
        .type(ScimMedia.SCIM_JSON_TYPE)
        .header("ETag", shown.etag())
        .entity(shown.body())
        .build();
  }

  /** 200 for a projected resource. */
  public static Response ok(Shown shown) {
    return Response.ok(shown.body())
        .type(ScimMedia.SCIM_JSON_TYPE)
        .header("ETag", shown.etag())
        .header("Location", shown.location())
        .build();
  }

  public static <T> Response list(List<T> resources, long totalResults, Page page) {
    ListResponse<T> body =
        new ListResponse<>((int) totalResults, resources, page.startIndex(), resources.size());
    return Response.ok(body).type(ScimMedia.SCIM_JSON_TYPE).build();
  }

  /**
   * A list response (RFC 7644 §3.4.2) for a {@link ListPage}: index paging carries {@code
   * startIndex}; cursor paging (RFC 9865) carries {@code nextCursor}/{@code previousCursor}.
   */
  public static Response list(ListPage<?> page, ListRequest request) {
    return Response.ok(listBody(page, request)).type(ScimMedia.SCIM_JSON_TYPE).build();
  }

  /** The body of {@link #list(ListPage, ListRequest)}, for answers written without Jersey. */
  public static com.fasterxml.jackson.databind.node.ObjectNode listBody(
      ListPage<?> page, ListRequest request) {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        ScimJsonProvider.MAPPER.createObjectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    body.put("totalResults", page.totalResults());
    body.put("itemsPerPage", page.resources().size());
    if (request.cursorPaging()) {
      if (page.nextCursor() != null) {
        body.put("nextCursor", page.nextCursor());
      }
      if (page.previousCursor() != null) {
        body.put("previousCursor", page.previousCursor());
      }
    } else {
      body.put("startIndex", request.page().startIndex());
    }
    com.fasterxml.jackson.databind.node.ArrayNode resources = body.putArray("Resources");
    for (Object resource : page.resources()) {
      // A generic resource is its JSON already (and serialises as exactly that): no round trip.
      resources.add(
          resource instanceof GenericScimResource generic
              ? generic.getObjectNode()
              : ScimJsonProvider.MAPPER.valueToTree(resource));
    }
    return body;
  }

  /** As {@link #list(ListPage, ListRequest)}, each typed resource projected as the request asks. */
  public static Response list(
      ListPage<? extends ScimResource> page,
      ListRequest request,
      com.unboundid.scim2.server.utils.ResourceTypeDefinition type) {
    return list(
        page.map(r -> request.projection().apply(type, r.asGenericScimResource())), request);
  }

  public static Response noContent() {
    return Response.noContent().build();
  }
}
