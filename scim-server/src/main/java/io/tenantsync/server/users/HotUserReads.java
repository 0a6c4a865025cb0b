package io.tenantsync.server.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import io.tenantsync.server.auth.Authenticator;
import io.tenantsync.server.auth.Bearer;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.auth.ReachQuery;
import io.tenantsync.server.persistence.Database;
import io.tenantsync.server.protocol.ListPage;
import io.tenantsync.server.protocol.ListRequest;
import io.tenantsync.server.protocol.Locations;
import io.tenantsync.server.protocol.Projection;
import io.tenantsync.server.protocol.ScimJsonProvider;
import io.tenantsync.server.protocol.ScimMedia;
import io.tenantsync.server.protocol.ScimResponses;
import io.tenantsync.server.protocol.Shown;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.net.URI;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.jspecify.annotations.Nullable;

/**
 * The two reads identity providers make most — {@code GET …/Users/{id}}, and {@code GET
 * …/Users?filter=userName eq "…"}, which Entra ID and Okta send before every change — answered
 * without Jersey and Hibernate: the user's row and its licenses, roles and groups ({@link
 * UserAccess#JOIN}) ride on the statement that authenticates the token and resolves its reach
 * ({@link ReachQuery}), and the resource is rendered by the same {@link UserMapper}, projection and
 * JSON mapper as {@link UsersEndpoint}'s. One round trip instead of four, and no framework
 * dispatch.
 *
 * <p>Contract: it answers only what it can answer exactly as {@link UsersEndpoint} would, and only
 * with 200. Everything else passes to the application unchanged, which answers it as always, errors
 * included: a missing, unknown or operator token, a tenant out of the caller's reach, no such user,
 * conditional or content-negotiating headers it does not honour, a query parameter or filter other
 * than those above, a failure of the database. So it adds no behaviour of its own, only speed
 * ({@code HotUserReadsIT} compares its answers with the application's). Stateless and thread-safe.
 */
public final class HotUserReads extends Handler.Wrapper {
  private static final String TENANTS = "/scim/v2/tenants/";
  private static final String USERS = "/Users";
  private static final Set<String> GET_PARAMETERS = Set.of("attributes", "excludedAttributes");
  private static final Set<String> LIST_PARAMETERS =
      Set.of("filter", "startIndex", "count", "attributes", "excludedAttributes");

  private final Database database;
  private final Authenticator authenticator;
  private final LongAdder answered = new LongAdder();

  public HotUserReads(Handler application, Database database, Authenticator authenticator) {
    super(application);
    this.database = database;
    this.authenticator = authenticator;
  }

  /** How many requests this node answered here rather than in the application. */
  public long answered() {
    return answered.sum();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Optional<Answer> answer =
        HttpMethod.GET.is(request.getMethod()) ? answer(request) : Optional.empty();
    if (answer.isEmpty()) {
      return super.handle(request, response, callback);
    }
    answered.increment();
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ScimMedia.SCIM_JSON);
    if (answer.get().shown() != null) {
      response.getHeaders().put(HttpHeader.ETAG, answer.get().shown().etag());
      response.getHeaders().put(HttpHeader.LOCATION, answer.get().shown().location().toString());
    }
    response.write(true, ByteBuffer.wrap(answer.get().body()), callback);
    return true;
  }

  /**
   * A 200 to write: its body, and for a single resource the one whose ETag and Location go along.
   */
  private record Answer(byte[] body, @Nullable Shown shown) {}

  /** Empty when the application must answer instead. */
  private Optional<Answer> answer(Request request) {
    String path = Request.getPathInContext(request);
    if (!path.startsWith(TENANTS) || !acceptsScimJson(request)) {
      return Optional.empty();
    }
    int tenantEnd = path.indexOf('/', TENANTS.length());
    if (tenantEnd <= TENANTS.length() || !path.startsWith(USERS, tenantEnd)) {
      return Optional.empty();
    }
    String tenantId = path.substring(TENANTS.length(), tenantEnd);
    String rest = path.substring(tenantEnd + USERS.length());
    Optional<String> tokenHash =
        Bearer.secret(request.getHeaders().get(HttpHeader.AUTHORIZATION))
            .flatMap(authenticator::storedTokenHash);
    if (tokenHash.isEmpty()) {
      return Optional.empty();
    }
    try {
      Fields query = Request.extractQueryParameters(request);
      if (rest.isEmpty()) {
        return byUserName(request, tenantId, tokenHash.get(), query);
      }
      if (rest.length() > 1 && rest.charAt(0) == '/' && rest.indexOf('/', 1) < 0) {
        return byId(request, tenantId, rest.substring(1), tokenHash.get(), query);
      }
      return Optional.empty();
    } catch (BadRequestException | SQLException | JsonProcessingException | RuntimeException e) {
      return Optional.empty(); // the application answers, with the error it maps
    }
  }

  private Optional<Answer> byId(
      Request request, String tenantId, String userId, String tokenHash, Fields query)
      throws BadRequestException, SQLException, JsonProcessingException {
    if (!only(query, GET_PARAMETERS) || request.getHeaders().contains(HttpHeader.IF_NONE_MATCH)) {
      return Optional.empty();
    }
    Projection projection =
        Projection.of(query.getValue("attributes"), query.getValue("excludedAttributes"));
    Optional<List<GenericScimResource>> users =
        read(request, tenantId, tokenHash, UserSelect.byId(userId));
    if (users.isEmpty() || users.get().size() != 1) {
      return Optional.empty();
    }
    Shown shown = Shown.of(users.get().get(0), UserSchemas.USER, projection);
    return Optional.of(new Answer(ScimJsonProvider.MAPPER.writeValueAsBytes(shown.body()), shown));
  }

  /** {@code filter=userName eq "…"} with index paging: at most one user matches. */
  private Optional<Answer> byUserName(
      Request request, String tenantId, String tokenHash, Fields query)
      throws BadRequestException, SQLException, JsonProcessingException {
    if (!only(query, LIST_PARAMETERS)) {
      return Optional.empty();
    }
    MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
    query.forEach(field -> parameters.putSingle(field.getName(), field.getValue()));
    ListRequest list = ListRequest.fromQuery(parameters);
    String userName = userNameEq(list.filter());
    if (userName == null) {
      return Optional.empty();
    }
    Optional<List<GenericScimResource>> users =
        read(
            request,
            tenantId,
            tokenHash,
            UserSelect.byName(tenantId, userName.toLowerCase(Locale.ROOT)));
    if (users.isEmpty() || users.get().size() > 1) {
      return Optional.empty();
    }
    List<GenericScimResource> matches = users.get();
    boolean onPage = list.page().startIndex() == 1 && list.page().count() > 0;
    ListPage<GenericScimResource> page =
        new ListPage<>(
            onPage
                ? matches.stream()
                    .map(user -> list.projection().apply(UserSchemas.USER, user))
                    .toList()
                : List.of(),
            matches.size());
    return Optional.of(
        new Answer(
            ScimJsonProvider.MAPPER.writeValueAsBytes(ScimResponses.listBody(page, list)), null));
  }

  /**
   * Authenticates, resolves the reach, and reads the user {@code select} finds with its access, in
   * one statement; empty when the caller may not read in this tenant.
   */
  private Optional<List<GenericScimResource>> read(
      Request request, String tenantId, String tokenHash, UserSelect select) throws SQLException {
    ReachQuery.Reader reach = new ReachQuery.Reader(tenantId);
    UserRow user = null;
    UserAccess.Builder access = new UserAccess.Builder();
    try (Connection connection = database.readDataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(select.sql())) {
      int index = ReachQuery.bindReach(statement, 1, tenantId);
      index = select.bind(statement, index);
      ReachQuery.bindToken(statement, index, tokenHash);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) { // one per relationship and held thing: each repeats the others
          reach.accept(rows, 1);
          if (user == null) {
            user = UserRow.read(rows, 1 + ReachQuery.COLUMN_COUNT);
          }
          access.accept(rows, 1 + ReachQuery.COLUMN_COUNT + UserRow.COLUMN_COUNT);
        }
      }
    }
    Optional<Caller> caller = reach.caller();
    if (caller.isEmpty()
        || caller.get().reach() == null
        || caller.get().reach().grant().isEmpty()) {
      return Optional.empty();
    }
    if (user == null || !user.visibleIn(tenantId)) {
      return Optional.of(List.of());
    }
    return Optional.of(List.of(UserMapper.toResource(user, access.build(), locations(request))));
  }

  /** {@code "…"} of {@code userName eq "…"} (any case, with or without the core URN), else null. */
  static @Nullable String userNameEq(@Nullable String filter) throws BadRequestException {
    if (filter == null || !(Filter.fromString(filter) instanceof EqualFilter equal)) {
      return null;
    }
    Path path = equal.getAttributePath();
    JsonNode value = equal.getComparisonValue();
    boolean userName =
        path.size() == 1
            && path.getElement(0).getValueFilter() == null
            && "userName".equalsIgnoreCase(path.getElement(0).getAttribute())
            && (path.getSchemaUrn() == null
                || UserSchemas.CORE.equalsIgnoreCase(path.getSchemaUrn()));
    return userName && value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Locations as {@link Locations#of} builds them from the request Jersey sees. */
  private static Locations locations(Request request) {
    String scheme = request.getHttpURI().getScheme();
    return Locations.atServer(
        URI.create(
            URIUtil.newURI(
                scheme == null ? "http" : scheme,
                Request.getServerName(request),
                Request.getServerPort(request),
                "/",
                null)));
  }

  /**
   * The application produces {@code application/scim+json} when the client names no type, any type,
   * or that one; anything else (say {@code application/json} preferred) is its to negotiate.
   */
  private static boolean acceptsScimJson(Request request) {
    List<String> accept = request.getHeaders().getValuesList(HttpHeader.ACCEPT);
    if (accept.isEmpty()) {
      return true;
    }
    if (accept.size() > 1) {
      return false;
    }
    String type = accept.get(0).trim();
    return type.equals("*/*") || type.equalsIgnoreCase(ScimMedia.SCIM_JSON);
  }

  /** Every parameter is one of {@code allowed}, each given once. */
  private static boolean only(Fields query, Set<String> allowed) {
    for (Fields.Field field : query) {
      if (!allowed.contains(field.getName()) || field.getValues().size() != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The reach statement with the user joined by a unique key, so that the database reads it as a
   * constant; whether the tenant's clients see the user is {@link UserRow#visibleIn}'s to decide.
   *
   * @param sql the statement
   * @param values the parameters of its join, bound by {@link #bind}
   */
  private record UserSelect(String sql, List<String> values) {
    static final String BY_ID = statement("?");

    /**
     * By id from a subquery on the unique {@code (tenant_id, user_name_ci)}: joined on those
     * columns directly, MySQL/MariaDB weigh every index that starts with tenant_id on each request.
     */
    static final String BY_NAME =
        statement("(select n.id from scim_user n where n.tenant_id = ? and n.user_name_ci = ?)");

    static UserSelect byId(String userId) {
      return new UserSelect(BY_ID, List.of(userId));
    }

    static UserSelect byName(String tenantId, String userNameCi) {
      return new UserSelect(BY_NAME, List.of(tenantId, userNameCi));
    }

    private static String statement(String userId) {
      return "select "
          + ReachQuery.COLUMNS
          + ", "
          + UserRow.columns("u")
          + ", "
          + UserAccess.COLUMNS
          + ReachQuery.from("left join scim_user u on u.id = " + userId + UserAccess.JOIN);
    }

    /** Binds the join's parameters from {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
      int next = index;
      for (String value : values) {
        statement.setString(next++, value);
      }
      return next;
    }
  }
}
