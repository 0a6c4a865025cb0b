package io.tenantsync.server.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.server.auth.Caller;
import io.tenantsync.server.persistence.Ids;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * The accounts of a sandbox tenant: Graph's {@code /users} and {@code /directory/deletedItems}.
 *
 * <ul>
 *   <li>UPNs are unique among live accounts, case-insensitively; their domain is the tenant's
 *       initial domain or a verified one.
 *   <li>{@code DELETE /users/{id}} is a soft delete: the account moves to deleted items, its
 *       license units are released (the assignments are kept), and for 30 days it can be restored
 *       (units are taken again where free; an assignment whose product is full is dropped) or
 *       deleted for good.
 *   <li>Accounts with {@code onPremisesSyncEnabled} (created so by the operator only, a sandbox
 *       extension) refuse changes to the properties an on-premises directory masters.
 * </ul>
 *
 * Every change takes the next number of the tenant's change sequence, for delta. Thread-safe.
 */
final class SandboxUsers {
  private final SandboxStore store;

  SandboxUsers(SandboxStore store) {
    this.store = store;
  }

  /** A page of users in id order, and the id to continue after when there are more. */
  record Page(List<ObjectNode> value, @Nullable String continueAfter) {}

  Page list(
      Caller caller,
      String tenantId,
      Set<String> select,
      ODataFilter filter,
      int top,
      @Nullable String after) {
    return store.read(
        caller,
        tenantId,
        tx -> page(tx, SandboxUserEntity.ACTIVE, select, filter, top, after, Long.MIN_VALUE));
  }

  Page listDeleted(
      Caller caller, String tenantId, Set<String> select, int top, @Nullable String after) {
    return store.read(
        caller,
        tenantId,
        tx ->
            page(
                tx,
                SandboxUserEntity.DELETED,
                select,
                ODataFilter.none(),
                top,
                after,
                SandboxRetention.restoreCutoff(tx.now())));
  }

  private static Page page(
      SandboxTx tx,
      String state,
      Set<String> select,
      ODataFilter filter,
      int top,
      @Nullable String after,
      long deletedSince) {
    SelectionQuery<SandboxUserEntity> query =
        tx.session()
            .createSelectionQuery(
                "from SandboxUserEntity u where u.tenantId = :t and u.state = :state"
                    + (state.equals(SandboxUserEntity.DELETED) ? " and u.deletedAt >= :since" : "")
                    + (after == null ? "" : " and u.id > :after")
                    + filter.hql()
                    + " order by u.id",
                SandboxUserEntity.class)
            .setParameter("t", tx.tenantId())
            .setParameter("state", state)
            .setMaxResults(top + 1);
    if (state.equals(SandboxUserEntity.DELETED)) {
      query.setParameter("since", deletedSince);
    }
    if (after != null) {
      query.setParameter("after", after);
    }
    filter.parameters().forEach(query::setParameter);
    List<SandboxUserEntity> users = query.getResultList();
    boolean more = users.size() > top;
    List<SandboxUserEntity> shown = more ? users.subList(0, top) : users;
    return new Page(
        shown.stream().map(u -> GraphUsers.toJson(u, select)).toList(),
        more ? shown.get(shown.size() - 1).id() : null);
  }

  ObjectNode get(Caller caller, String tenantId, String idOrUpn, Set<String> select) {
    return store.read(caller, tenantId, tx -> GraphUsers.toJson(active(tx, idOrUpn), select));
  }

  ObjectNode create(Caller caller, String tenantId, ObjectNode body) {
    GraphUserInput.checkProperties(body, true);
    boolean synced = GraphUserInput.synced(body);
    if (synced) {
      SandboxAccess.requireOperator(caller);
    }
    for (String required : GraphUserInput.REQUIRED_ON_CREATE) {
      if (!body.hasNonNull(required)) {
        throw GraphError.invalidValue(required);
      }
    }
    GraphUserInput.checkPasswordProfile(body.get("passwordProfile"));
    return store.write(
        caller,
        tenantId,
        tx -> {
          String upn = GraphUserInput.userPrincipalName(body, tx.tenant());
          requireFreeUpn(tx, upn, null);
          SandboxUserEntity user = new SandboxUserEntity(Ids.newId(), tx.tenantId(), upn, synced);
          GraphUserInput.apply(body, user, tx.now());
          user.changed(tx.nextSeq());
          tx.session().persist(user);
          tx.session().flush();
          return GraphUsers.toJson(user, GraphUsers.DEFAULT);
        });
  }

  void update(Caller caller, String tenantId, String idOrUpn, ObjectNode body) {
    GraphUserInput.checkProperties(body, false);
    store.write(
        caller,
        tenantId,
        tx -> {
          SandboxUserEntity user = active(tx, idOrUpn);
          if (user.onPremisesSyncEnabled()
              && GraphUserInput.MASTERED.stream().anyMatch(body::has)) {
            throw GraphError.badRequest(
                "Unable to update the specified properties for on-premises mastered Directory"
                    + " Sync objects or objects currently undergoing migration.");
          }
          if (body.has("userPrincipalName")) {
            String upn = GraphUserInput.userPrincipalName(body, tx.tenant());
            requireFreeUpn(tx, upn, user.id());
            user.setUserPrincipalName(upn);
          }
          GraphUserInput.apply(body, user, tx.now());
          user.changed(tx.nextSeq());
          return null;
        });
  }

  /** Soft delete: to deleted items, units released, assignments kept for a restore. */
  void delete(Caller caller, String tenantId, String idOrUpn) {
    store.write(
        caller,
        tenantId,
        tx -> {
          SandboxUserEntity user = active(tx, idOrUpn);
          user.licenses().forEach(license -> SandboxSkus.release(tx, license.skuId()));
          user.softDelete(tx.now());
          user.changed(tx.nextSeq());
          return null;
        });
  }

  ObjectNode getDeleted(Caller caller, String tenantId, String id, Set<String> select) {
    return store.read(caller, tenantId, tx -> GraphUsers.toJson(deleted(tx, id), select));
  }

  /**
   * Back from deleted items under its UPN (400 conflict if a live account has taken it), with the
   * assignments whose products still have a free unit.
   */
  ObjectNode restore(Caller caller, String tenantId, String id) {
    return store.write(
        caller,
        tenantId,
        tx -> {
          SandboxUserEntity user = deleted(tx, id);
          requireFreeUpn(tx, user.userPrincipalName(), user.id());
          for (SandboxLicense license : user.licenses()) {
            if (!SandboxSkus.take(tx, license.skuId())) {
              user.removeLicense(license.skuId());
            }
          }
          user.restore();
          user.changed(tx.nextSeq());
          tx.session().flush();
          return GraphUsers.toJson(user, GraphUsers.DEFAULT);
        });
  }

  /** Hard delete from deleted items: only a tombstone remains, for delta. */
  void purge(Caller caller, String tenantId, String id) {
    store.write(
        caller,
        tenantId,
        tx -> {
          SandboxUserEntity user = deleted(tx, id);
          user.purge(tx.now());
          user.changed(tx.nextSeq());
          return null;
        });
  }

  /** A live account by object id or UPN; 404 otherwise. */
  static SandboxUserEntity active(SandboxTx tx, String idOrUpn) {
    Optional<SandboxUserEntity> user =
        idOrUpn.indexOf('@') >= 0
            ? tx.session()
                .createSelectionQuery(
                    "from SandboxUserEntity where tenantId = :t and upnCi = :upn",
                    SandboxUserEntity.class)
                .setParameter("t", tx.tenantId())
                .setParameter("upn", idOrUpn.toLowerCase(Locale.ROOT))
                .uniqueResultOptional()
            : byId(tx, idOrUpn).filter(SandboxUserEntity::isActive);
    return user.orElseThrow(() -> GraphError.notFound(idOrUpn));
  }

  /** A soft-deleted account still within the restore window; 404 otherwise. */
  private static SandboxUserEntity deleted(SandboxTx tx, String id) {
    return byId(tx, id)
        .filter(SandboxUserEntity::isDeleted)
        .filter(
            u ->
                u.deleted().orElseThrow().toEpochMilli()
                    >= SandboxRetention.restoreCutoff(tx.now()))
        .orElseThrow(() -> GraphError.notFound(id));
  }

  private static Optional<SandboxUserEntity> byId(SandboxTx tx, String id) {
    return tx.session()
        .createSelectionQuery(
            "from SandboxUserEntity where tenantId = :t and id = :id", SandboxUserEntity.class)
        .setParameter("t", tx.tenantId())
        .setParameter("id", id.toLowerCase(Locale.ROOT))
        .uniqueResultOptional();
  }

  private static void requireFreeUpn(SandboxTx tx, String upn, @Nullable String self) {
    Optional<String> holder =
        tx.session()
            .createSelectionQuery(
                "select id from SandboxUserEntity where tenantId = :t and upnCi = :upn",
                String.class)
            .setParameter("t", tx.tenantId())
            .setParameter("upn", upn.toLowerCase(Locale.ROOT))
            .uniqueResultOptional();
    if (holder.isPresent() && !holder.get().equals(self)) {
      throw GraphError.conflict("userPrincipalName");
    }
  }
}
