package io.tenantsync.server.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.groups.GroupService;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Page;
import io.tenantsync.server.protocol.ScimMedia;
import io.tenantsync.server.protocol.ScimResponses;
import io.tenantsync.server.users.UserService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /scim/v2/tenants/{tenantId}/.search} (RFC 7644 §3.4.3): one search over every
 * resource type. Results are the matching Users followed by the matching Groups (each sorted as
 * asked), paged by index over that sequence. A filter naming an attribute one type lacks matches
 * nothing of that type; one neither type knows is {@code invalidFilter}. Likewise a {@code sortBy}
 * one type cannot sort by leaves that type's part in its default order (by id); one neither type
 * can sort by is {@code invalidValue}. Cursor paging is offered per resource type only.
 */
@Path("scim/v2/tenants/{tenantId}/.search")
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class RootSearchEndpoint {
  private final UserService users;
  private final GroupService groups;

  public RootSearchEndpoint(UserService users, GroupService groups) {
    this.users = users;
    this.groups = groups;
  }

  /** One resource type's part of the search. */
  private interface Part {
    ListPage<GenericScimResource> list(ListRequest request) throws ScimException;
  }

  @POST
  public Response search(
      @PathParam("tenantId") String tenantId,
      ObjectNode body,
      @Context SecurityContext security,
      @Context UriInfo uri)
      throws ScimException {
    ListRequest request = ListRequest.fromSearchBody(body);
    if (request.cursorPaging()) {
      throw BadRequestException.invalidValue(
          "cursor paging is offered per resource type: search /Users/.search or /Groups/.search");
    }
    Caller caller = Caller.of(security);
    Locations locations = Locations.of(uri);
    List<Part> parts =
        List.of(
            r -> users.list(caller, tenantId, r, locations),
            r -> groups.list(caller, tenantId, r, locations));
    List<ListRequest> requests = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    BadRequestException unknownFilter = null;
    BadRequestException unsortable = null;
    for (Part part : parts) {
      ListRequest partRequest = request;
      try {
        totals.add(count(part, partRequest));
      } catch (BadRequestException e) {
        if (isInvalidFilter(e)) {
          unknownFilter = unknownFilter == null ? e : unknownFilter;
          totals.add(-1L);
        } else if (request.sortBy() != null) {
          // Asked again without sortBy: if that is answered, this type cannot sort by it.
          partRequest = withoutSort(request);
          try {
            totals.add(count(part, partRequest));
          } catch (BadRequestException again) {
            if (!isInvalidFilter(again)) {
              throw e;
            }
            unknownFilter = unknownFilter == null ? again : unknownFilter;
            totals.add(-1L);
          }
          unsortable = unsortable == null ? e : unsortable;
        } else {
          throw e;
        }
      }
      requests.add(partRequest);
    }
    if (totals.stream().allMatch(total -> total < 0)) {
      throw unknownFilter;
    }
    if (unsortable != null && requests.stream().allMatch(r -> r.sortBy() == null)) {
      throw unsortable;
    }
    long total = totals.stream().filter(t -> t > 0).mapToLong(Long::longValue).sum();
    List<GenericScimResource> resources = new ArrayList<>();
    long skip = request.page().offset();
    int wanted = request.page().count();
    for (int i = 0; i < parts.size() && wanted > resources.size(); i++) {
      long partTotal = Math.max(0, totals.get(i));
      if (skip >= partTotal) {
        skip -= partTotal;
        continue;
      }
      int count = (int) Math.min(wanted - resources.size(), partTotal - skip);
      resources.addAll(parts.get(i).list(with(requests.get(i), (int) skip + 1, count)).resources());
      skip = 0;
    }
    return ScimResponses.list(new ListPage<>(resources, total), request);
  }

  private static long count(Part part, ListRequest request) throws ScimException {
    return part.list(with(request, 1, 0)).totalResults();
  }

  private static boolean isInvalidFilter(BadRequestException e) {
    return BadRequestException.INVALID_FILTER.equals(e.getScimError().getScimType());
  }

  private static ListRequest withoutSort(ListRequest request) {
    return new ListRequest(
        request.filter(),
        null,
        request.sortOrder(),
        request.page(),
        request.cursor(),
        request.projection());
  }

  private static ListRequest with(ListRequest request, int startIndex, int count) {
    return new ListRequest(
        request.filter(),
        request.sortBy(),
        request.sortOrder(),
        new Page(startIndex, count),
        (@Nullable String) null,
        request.projection());
  }
}
