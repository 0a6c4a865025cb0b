package io.tenantsync.server.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantsync.server.persistence.Ids;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Appends outbox rows inside the caller's transaction, so a change and the record that the tenant
 * must see it commit or roll back together (DESIGN.md, "Data flow of one change").
 */
public final class Outbox {
  public static final String USER_STATE = "user.state";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Outbox() {}

  /**
   * Records the state a user must reach, as change number {@code sequence} of that user (the caller
   * increments the user's counter in the same transaction, so rows of one user are totally ordered
   * even with concurrent writers on several nodes).
   */
  public static void append(
      Session session, String tenantId, String userId, long sequence, UserDirectoryState state) {
    try {
      session.persist(
          new OutboxEntity(
              Ids.newId(),
              tenantId,
              userId,
              sequence,
              USER_STATE,
              JSON.writeValueAsString(state),
              UUID.randomUUID().toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an outbox row", e);
    }
  }

  /**
   * Drops the sealed password from a row that will not be applied again (done or failed): a secret
   * is kept at rest only as long as it may still have to be delivered.
   */
  static void forgetSecrets(OutboxEntity row) {
    UserDirectoryState state = read(row);
    if (state.sealedPassword() != null) {
      try {
        row.replacePayload(JSON.writeValueAsString(state.withoutPassword()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write an outbox row", e);
      }
    }
  }

  public static UserDirectoryState read(OutboxEntity row) {
    try {
      return JSON.readValue(row.payload(), UserDirectoryState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox row " + row.id() + " is unreadable", e);
    }
  }
}
