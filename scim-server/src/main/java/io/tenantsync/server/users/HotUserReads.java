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
import io.tenantsync.server.auth.ReachCache;
import io.tenantsync.server.auth.ReachGeneration;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two reads identity providers make most — {@code GET …/Users/{id}}, and {@code GET
 * …/Users?filter=userName eq "…"}, which Entra ID and Okta send before every change — answered
 * without Jersey and Hibernate, in one statement: the user's row and its licenses, roles and groups
 * ({@link UserAccess#JOIN}), with the {@link ReachGeneration} when this node resolved the token's
 * reach into the tenant before ({@link ReachCache}), or on the statement that authenticates the
 * token and resolves its reach ({@link ReachQuery}) when it did not, or the generation moved. The
 * resource is rendered by the same {@link UserMapper}, projection and JSON mapper as {@link
 * UsersEndpoint}'s. One round trip instead of four, and no framework dispatch.
 *
 * <p>Contract: it answers only what it can answer exactly as {@link UsersEndpoint} would, and only
 * with 200. Everything else passes to the application unchanged, which answers it as always, errors
 * included: a missing, unknown or operator token, a tenant out of the caller's reach, no such user,
 * conditional or content-negotiating headers it does not honour, a query parameter or filter other
 * than those above, a failure of the database. So it adds no behaviour of its own, only speed
 * ({@code HotUserReadsIT} compares its answers with the application's); revocation, termination and
 * expiry act on the next request as they do there. Thread-safe.
 */
public final class HotUserReads extends Handler.Wrapper {
  private static final Logger log = LoggerFactory.getLogger(HotUserReads.class);
  private static final String TENANTS = "/scim/v2/tenants/";
  private static final String USERS = "/Users";
  private static final Set<String> GET_PARAMETERS = Set.of("attributes", "excludedAttributes");
  private static final Set<String> LIST_PARAMETERS =
      Set.of("filter", "startIndex", "count", "attributes", "excludedAttributes");

  private final Database database;
  private final Authenticator authenticator;
  private final ReachCache reaches = new ReachCache();
  private final Statements byId = Statements.joining(" on u.id = ?", " on u.id = ?");
  private final Statements byName;
  private final LongAdder answered = new LongAdder();
  private final LongAdder onRememberedReach = new LongAdder();
  private volatile @Nullable Origin lastOrigin;

  public HotUserReads(Handler application, Database database, Authenticator authenticator) {
    super(application);
    this.database = database;
    this.authenticator = authenticator;
    // On the unique (tenant_id, user_name_ci): after the constant counter row the database reads
    // that user as a constant. After the token and relationship rows MySQL/MariaDB would not, so
    // there the id comes from a subquery on the key.
    String key = database.kind().useIndex("uq_user_name");
    this.byName =
        Statements.joining(
            key + " on u.tenant_id = ? and u.user_name_ci = ?",
            " on u.id = (select n.id from scim_user n"
                + key
                + " where n.tenant_id = ? and n.user_name_ci = ?)");
  }

  /** How many requests this node answered here rather than in the application. */
  public long answered() {
    return answered.sum();
  }

  /** How many reads found the caller's reach remembered, still valid, and used it. */
  public long onRememberedReach() {
    return onRememberedReach.sum();
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
    } catch (BadRequestException e) {
      return Optional.empty(); // the application answers, with the error it maps
    } catch (SQLException | JsonProcessingException | RuntimeException e) {
      // The application answers too, and maps what it meets; logged here all the same, so that a
      // fault of this path alone (which would only make reads slower) does not go unnoticed.
      log.warn("a hot read passed to the application after a failure", e);
      return Optional.empty();
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
        read(request, tenantId, tokenHash, UserSelect.byId(byId, userId));
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
            UserSelect.byName(byName, tenantId, userName.toLowerCase(Locale.ROOT)));
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
   * The user {@code select} finds, with its access, if the caller may read in this tenant; empty
   * when it may not. One statement: for a reach this node resolved before, it reads the user and
   * the {@link ReachGeneration}, and the reach holds if the generation is unchanged; otherwise (or
   * if it changed) one that also authenticates the token and resolves the reach, remembered then.
   */
  private Optional<List<GenericScimResource>> read(
      Request request, String tenantId, String tokenHash, UserSelect select) throws SQLException {
    OptionalLong trusted = reaches.generation(tokenHash, tenantId, System.currentTimeMillis());
    if (trusted.isPresent()) {
      Found found = query(select.trusting(), statement -> select.bind(statement, 1), null);
      if (found.generation() == trusted.getAsLong()) {
        onRememberedReach.increment();
        return Optional.of(found.resources(tenantId, locations(request)));
      }
    }
    ReachQuery.Reader reach = new ReachQuery.Reader(tenantId);
    Found found =
        query(
            select.resolving(),
            statement -> {
              int index = ReachQuery.bindReach(statement, 1, tenantId);
              ReachQuery.bindToken(statement, select.bind(statement, index), tokenHash);
            },
            reach);
    Optional<Caller> caller = reach.caller();
    if (caller.isEmpty()
        || caller.get().reach() == null
        || caller.get().reach().grant().isEmpty()) {
      return Optional.empty();
    }
    reaches.remember(tokenHash, tenantId, found.generation(), reach.validUntil());
    return Optional.of(found.resources(tenantId, locations(request)));
  }

  /** Sets a statement's parameters. */
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs one of {@link UserSelect}'s statements: its rows (one per relationship and held thing,
   * each repeating the others) fold into the reach, if it has those columns, and {@link Found}.
   */
  private Found query(String sql, Binder binder, ReachQuery.@Nullable Reader reach)
      throws SQLException {
    Found found = new Found();
    int first = reach == null ? 1 : 1 + ReachQuery.COLUMN_COUNT;
    try (Connection connection = database.preparedDataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (reach != null) {
            reach.accept(rows, 1);
          }
          found.accept(rows, first);
        }
      }
    }
    return found;
  }

  /** What a statement found: the reach generation, the user if any, what it holds. */
  private static final class Found {
    private long generation = -1;
    private @Nullable UserRow user;
    private final UserAccess.Builder access = new UserAccess.Builder();

    /** One row: the generation, the user's columns, the access columns, from {@code first} on. */
    void accept(ResultSet row, int first) throws SQLException {
      generation = row.getLong(first);
      if (user == null) {
        user = UserRow.read(row, first + 1);
      }
      access.accept(row, first + 1 + UserRow.COLUMN_COUNT);
    }

    long generation() {
      return generation;
    }

    /** The user as the tenant's clients see it: none when absent, retained, deleted or foreign. */
    List<GenericScimResource> resources(String tenantId, Locations locations) {
      return user == null || !user.visibleIn(tenantId)
          ? List.of()
          : List.of(UserMapper.toResource(user, access.build(), locations));
    }
  }

  /**
   * The form identity providers send, {@code userName eq "…"} with single spaces and a value
   * without escapes or control characters: recognised without the SDK's filter parser (a tenth of a
   * filtered read's CPU), as that parser reads it.
   */
  private static final Pattern PLAIN_USER_NAME_EQ =
      Pattern.compile("userName eq \"([^\"\\\\\\x00-\\x1F]*)\"", Pattern.CASE_INSENSITIVE);

  /** {@code "…"} of {@code userName eq "…"} (any case, with or without the core URN), else null. */
  static @Nullable String userNameEq(@Nullable String filter) throws BadRequestException {
    if (filter == null) {
      return null;
    }
    Matcher plain = PLAIN_USER_NAME_EQ.matcher(filter);
    return plain.matches() ? plain.group(1) : parsedUserNameEq(filter);
  }

  /** {@link #userNameEq} through the SDK's filter parser, for every other spelling. */
  static @Nullable String parsedUserNameEq(String filter) throws BadRequestException {
    if (!(Filter.fromString(filter) instanceof EqualFilter equal)) {
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
  private Locations locations(Request request) {
    String scheme = request.getHttpURI().getScheme();
    String origin =
        URIUtil.newURI(
            scheme == null ? "http" : scheme,
            Request.getServerName(request),
            Request.getServerPort(request),
            "/",
            null);
    Origin last = lastOrigin;
    if (last == null || !last.root().equals(origin)) {
      last = new Origin(origin, Locations.atServer(URI.create(origin)));
      lastOrigin = last; // clients mostly name one host: parsed once, not per request
    }
    return last.locations();
  }

  /** The locations for the server root a request named. */
  private record Origin(String root, Locations locations) {}

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
   * The user joined by a unique key, so that the database reads it as a constant, with its access
   * and the reach generation. Whether the tenant's clients see the user is {@link Found}'s to
   * decide.
   *
   * @param statements the statements, by whether they trust a reach this node resolved
   * @param values the parameters of the user's key, bound by {@link #bind}
   */
  private record UserSelect(Statements statements, List<String> values) {
    static UserSelect byId(Statements statements, String userId) {
      return new UserSelect(statements, List.of(userId));
    }

    static UserSelect byName(Statements statements, String tenantId, String userNameCi) {
      return new UserSelect(statements, List.of(tenantId, userNameCi));
    }

    String trusting() {
      return statements.trusting();
    }

    String resolving() {
      return statements.resolving();
    }

    /** Binds {@code values} from {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
      int next = index;
      for (String value : values) {
        statement.setString(next++, value);
      }
      return next;
    }
  }

  /**
   * @param trusting the generation, the user, its access; parameters: {@link UserSelect#bind}'s
   * @param resolving {@link ReachQuery}'s columns, then {@code trusting}'s; parameters: {@link
   *     ReachQuery#bindReach}'s, {@link UserSelect#bind}'s, {@link ReachQuery#bindToken}'s
   */
  private record Statements(String trusting, String resolving) {
    /**
     * The statements for the user {@code trustingOn} and {@code resolvingOn} join (SQL after {@code
     * scim_user u}: an optional index hint and the join condition, with the same parameters).
     */
    static Statements joining(String trustingOn, String resolvingOn) {
      String columns =
          ReachGeneration.COLUMN + ", " + UserRow.columns("u") + ", " + UserAccess.COLUMNS;
      return new Statements(
          "select "
              + columns
              + ReachGeneration.from(" left join scim_user u" + trustingOn + UserAccess.JOIN),
          "select "
              + ReachQuery.COLUMNS
              + ", "
              + columns
              + ReachQuery.from(
                  ReachGeneration.JOIN + " left join scim_user u" + resolvingOn + UserAccess.JOIN));
    }
  }
}
