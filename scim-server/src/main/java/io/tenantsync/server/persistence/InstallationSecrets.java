package io.tenantsync.server.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Random keys shared by every node of one installation (cursor signing, secret sealing), created
 * once on first use. When nodes race to create one, the primary key lets exactly one win and the
 * others read the winner's.
 */
public final class InstallationSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private InstallationSecrets() {}

  /** The 256-bit key called {@code name}, created if it does not exist yet. */
  public static byte[] key(Database database, String name) {
    {
      byte[] existing = read(database, name);
      if (existing != null) {
        return existing;
      }
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      String encoded = Base64.getEncoder().encodeToString(fresh);
      try {
        database.inPlainTransaction(
            session ->
                session
                    .createNativeMutationQuery(
                        "insert into installation_secret (name, secret, created_at)"
                            + " values (:name, :secret, :now)")
                    .setParameter("name", name)
                    .setParameter("secret", encoded)
                    .setParameter("now", System.currentTimeMillis())
                    .executeUpdate());
        return fresh;
      } catch (ConstraintViolationException e) {
        byte[] winner = read(database, name);
        if (winner == null) {
          throw new IllegalStateException("cannot create installation secret " + name, e);
        }
        return winner;
      }
    }
  }

  private static byte @org.jspecify.annotations.Nullable [] read(Database database, String name) {
    String encoded =
        database.inPlainTransaction(
            session ->
                session
                    .createNativeQuery(
                        "select secret from installation_secret where name = :name", String.class)
                    .setParameter("name", name)
                    .uniqueResult());
    return encoded == null ? null : Base64.getDecoder().decode(encoded);
  }
}
