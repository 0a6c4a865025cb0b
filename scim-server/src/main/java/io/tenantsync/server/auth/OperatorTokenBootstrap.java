package io.tenantsync.server.auth;

import io.tenantsync.server.persistence.Database;
import java.io.PrintStream;
import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

/**
 * Makes sure an operator can sign in: with {@code TENANTSYNC_OPERATOR_TOKEN} set nothing is stored;
 * otherwise, on the very first start of an installation, a token is generated, its hash stored
 * under a fixed id, and the secret printed once to the console (never to the log). When several
 * nodes start at once, the fixed id lets exactly one of them win and print.
 */
public final class OperatorTokenBootstrap {
  static final String GENERATED_TOKEN_ID = "operator-bootstrap";

  private OperatorTokenBootstrap() {}

  /** Returns the secret if this call generated it, null otherwise. */
  public static @Nullable String ensure(
      Database database, @Nullable String configuredToken, PrintStream console) {
    if (configuredToken != null) {
      return null;
    }
    boolean exists =
        database.inPlainTransaction(
            session -> session.find(ApiTokenEntity.class, GENERATED_TOKEN_ID) != null);
    if (exists) {
      return null;
    }
    String secret = Tokens.newSecret();
    try {
      database.inPlainTransaction(
          session -> {
            session.persist(
                new ApiTokenEntity(
                    GENERATED_TOKEN_ID,
                    Caller.Kind.OPERATOR,
                    null,
                    "operator (generated at first start)",
                    Tokens.hash(secret),
                    Tokens.displayPrefix(secret)));
            return null;
          });
    } catch (ConstraintViolationException e) {
      return null; // another node generated it first
    }
    console.println();
    console.println("==================================================================");
    console.println(" TenantSync operator token (shown only this once, store it safely):");
    console.println("   " + secret);
    console.println(" Set TENANTSYNC_OPERATOR_TOKEN to use a token of your own instead.");
    console.println("==================================================================");
    console.println();
    console.flush();
    return secret;
  }
}
