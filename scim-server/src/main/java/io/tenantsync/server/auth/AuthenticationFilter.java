package io.tenantsync.server.auth;

import io.tenantsync.server.protocol.ScimErrors;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every SCIM request carries {@code Authorization: Bearer <token>}; without a valid one it ends
 * here with 401 and {@code WWW-Authenticate: Bearer}. Registered only for {@code /scim/v2}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
  private static final String TENANTS = "scim/v2/tenants/";

  private final Authenticator authenticator;

  public AuthenticationFilter(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("scim/") && !path.startsWith("/scim/") && !path.equals("scim")) {
      return;
    }
    String pathTenant = pathTenant(path);
    Optional<Caller> caller =
        Bearer.secret(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .flatMap(secret -> authenticator.authenticate(secret, pathTenant));
    if (caller.isEmpty()) {
      request.abortWith(
          ScimErrors.response(
              401, null, "a valid bearer token is required (Authorization: Bearer …)"));
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new CallerContext(caller.get(), secure));
  }

  /** {@code {id}} of {@code scim/v2/tenants/{id}/…}, the tenant a tenant-level request names. */
  static @Nullable String pathTenant(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (!relative.startsWith(TENANTS)) {
      return null;
    }
    int end = relative.indexOf('/', TENANTS.length());
    String id =
        end < 0 ? relative.substring(TENANTS.length()) : relative.substring(TENANTS.length(), end);
    return id.isEmpty() ? null : id;
  }

  private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.kind().wireName().equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
