package io.tenantsync.server.protocol;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.server.utils.SchemaChecker;
import java.util.List;

/**
 * Turns the SDK schema checker's findings into the RFC 7644 §3.12 error a client can act on. The
 * SDK calls every value problem "invalidSyntax"; the RFC reserves that for a request it cannot
 * parse and uses {@code invalidValue} for a missing required value or a value of the wrong type, so
 * that is what is sent. Mutability findings are {@code mutability}, bad paths {@code invalidPath},
 * bad filters {@code invalidFilter}.
 */
public final class SchemaViolations {
  private SchemaViolations() {}

  public static void throwIfAny(SchemaChecker.Results results) throws BadRequestException {
    if (!results.getMutabilityIssues().isEmpty()) {
      throw BadRequestException.mutability(join(results.getMutabilityIssues()));
    }
    if (!results.getPathIssues().isEmpty()) {
      throw BadRequestException.invalidPath(join(results.getPathIssues()));
    }
    if (!results.getFilterIssues().isEmpty()) {
      throw BadRequestException.invalidFilter(join(results.getFilterIssues()));
    }
    if (!results.getSyntaxIssues().isEmpty()) {
      throw BadRequestException.invalidValue(join(results.getSyntaxIssues()));
    }
  }

  private static String join(List<String> issues) {
    return String.join("; ", issues);
  }
}
