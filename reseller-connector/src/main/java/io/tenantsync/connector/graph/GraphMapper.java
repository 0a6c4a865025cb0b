package io.tenantsync.connector.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantsync.connector.AssignedLicense;
import io.tenantsync.connector.DirectoryChange;
import io.tenantsync.connector.DirectoryUser;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserChanges.Clearable;
import io.tenantsync.connector.DirectoryUserDraft;
import io.tenantsync.connector.LicenseGrant;
import io.tenantsync.connector.ServicePlan;
import io.tenantsync.connector.SubscribedSku;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The only translation between Graph wire records and the port records. Graph's absent values
 * become empty lists and {@code false} ({@code onPremisesSyncEnabled} is null for cloud-only
 * accounts). An entry without {@code id} or {@code userPrincipalName} is a malformed response.
 * Stateless and thread-safe.
 */
final class GraphMapper {

  private GraphMapper() {}

  static DirectoryUser toUser(GraphUser u, String request) {
    if (u.id() == null || u.userPrincipalName() == null) {
      throw GraphErrors.malformed(
          request, 200, "user without id or userPrincipalName: " + u.id(), false, null);
    }
    return new DirectoryUser(
        u.id(),
        u.userPrincipalName(),
        u.displayName(),
        u.givenName(),
        u.surname(),
        u.mail(),
        u.mailNickname(),
        Boolean.TRUE.equals(u.accountEnabled()),
        u.usageLocation(),
        Boolean.TRUE.equals(u.onPremisesSyncEnabled()),
        licenses(u.assignedLicenses()),
        u.otherMails() == null
            ? List.of()
            : u.otherMails().stream().filter(Objects::nonNull).toList(),
        u.jobTitle(),
        u.department());
  }

  /**
   * True when a delta entry carries everything the reconciliation compares; Graph may send only the
   * changed properties of an updated account.
   */
  static boolean isComplete(GraphUser u) {
    return u.id() != null
        && u.userPrincipalName() != null
        && u.accountEnabled() != null
        && u.assignedLicenses() != null;
  }

  static DirectoryChange.Removed toRemoved(GraphUser u, String request) {
    if (u.id() == null) {
      throw GraphErrors.malformed(request, 200, "@removed entry without id", false, null);
    }
    String reason = u.removed() == null ? null : u.removed().reason();
    return new DirectoryChange.Removed(
        u.id(), reason == null ? DirectoryChange.Removed.HARD_DELETED : reason);
  }

  /**
   * The account as created: what Graph echoed (id, mail…) completed with the draft, since Graph's
   * create response carries only its default properties and an immediate GET may not see the new
   * account yet.
   */
  static DirectoryUser created(GraphUser echoed, DirectoryUserDraft draft, String request) {
    if (echoed.id() == null) {
      throw GraphErrors.malformed(request, 201, "created user without id", true, null);
    }
    return new DirectoryUser(
        echoed.id(),
        orElse(echoed.userPrincipalName(), draft.userPrincipalName()),
        orElse(echoed.displayName(), draft.displayName()),
        orElse(echoed.givenName(), draft.givenName()),
        orElse(echoed.surname(), draft.surname()),
        echoed.mail(),
        orElse(echoed.mailNickname(), mailNickname(draft)),
        echoed.accountEnabled() == null ? draft.accountEnabled() : echoed.accountEnabled(),
        orElse(echoed.usageLocation(), draft.usageLocation()),
        false,
        licenses(echoed.assignedLicenses()),
        echoed.otherMails() == null ? draft.otherMails() : echoed.otherMails(),
        orElse(echoed.jobTitle(), draft.jobTitle()),
        orElse(echoed.department(), draft.department()));
  }

  static GraphUserCreate toCreate(DirectoryUserDraft draft, String generatedPassword) {
    String password = draft.password() == null ? generatedPassword : draft.password();
    return new GraphUserCreate(
        draft.accountEnabled(),
        draft.displayName(),
        mailNickname(draft),
        draft.userPrincipalName(),
        new GraphPasswordProfile(password, draft.forceChangePasswordNextSignIn()),
        draft.givenName(),
        draft.surname(),
        draft.usageLocation(),
        draft.otherMails().isEmpty() ? null : draft.otherMails(),
        draft.jobTitle(),
        draft.department());
  }

  /** The PATCH body: set fields as values, cleared fields as explicit {@code null}. */
  static ObjectNode toPatch(DirectoryUserChanges c) {
    ObjectNode body = GraphJson.object();
    putIfSet(body, "userPrincipalName", c.userPrincipalName());
    putIfSet(body, "displayName", c.displayName());
    putIfSet(body, "givenName", c.givenName());
    putIfSet(body, "surname", c.surname());
    putIfSet(body, "mailNickname", c.mailNickname());
    if (c.accountEnabled() != null) {
      body.put("accountEnabled", c.accountEnabled());
    }
    putIfSet(body, "usageLocation", c.usageLocation());
    if (c.password() != null) {
      body.putObject("passwordProfile")
          .put("password", c.password())
          .put(
              "forceChangePasswordNextSignIn",
              c.forceChangePasswordNextSignIn() == null || c.forceChangePasswordNextSignIn());
    }
    if (c.otherMails() != null) {
      ArrayNode mails = body.putArray("otherMails");
      c.otherMails().forEach(mails::add);
    }
    putIfSet(body, "jobTitle", c.jobTitle());
    putIfSet(body, "department", c.department());
    for (Clearable field : c.cleared()) {
      switch (field) {
        case GIVEN_NAME -> body.putNull("givenName");
        case SURNAME -> body.putNull("surname");
        case USAGE_LOCATION -> body.putNull("usageLocation");
        case OTHER_MAILS -> body.putArray("otherMails");
        case JOB_TITLE -> body.putNull("jobTitle");
        case DEPARTMENT -> body.putNull("department");
      }
    }
    return body;
  }

  static GraphAssignLicense toAssign(Collection<LicenseGrant> add, Collection<UUID> remove) {
    return new GraphAssignLicense(
        add.stream().map(g -> new GraphLicense(g.skuId(), g.disabledPlans())).toList(),
        List.copyOf(remove));
  }

  static SubscribedSku toSku(GraphSubscribedSku s, String request) {
    if (s.skuId() == null || s.skuPartNumber() == null) {
      throw GraphErrors.malformed(request, 200, "subscribedSku without skuId", false, null);
    }
    List<ServicePlan> plans = new ArrayList<>();
    if (s.servicePlans() != null) {
      for (GraphSubscribedSku.Plan p : s.servicePlans()) {
        if (p != null && p.servicePlanId() != null && p.servicePlanName() != null) {
          plans.add(
              new ServicePlan(
                  p.servicePlanId(), p.servicePlanName(), p.appliesTo(), p.provisioningStatus()));
        }
      }
    }
    int enabled =
        s.prepaidUnits() == null || s.prepaidUnits().enabled() == null
            ? 0
            : s.prepaidUnits().enabled();
    int consumed = s.consumedUnits() == null ? 0 : s.consumedUnits();
    return new SubscribedSku(
        s.skuId(), s.skuPartNumber(), enabled, consumed, plans, s.capabilityStatus());
  }

  /**
   * The draft's mail nickname, or the UPN's local part without the characters Graph refuses
   * ({@code @ ( ) \ [ ] " ; : < > ,} and spaces), at most 64 characters.
   */
  static String mailNickname(DirectoryUserDraft draft) {
    if (draft.mailNickname() != null && !draft.mailNickname().isBlank()) {
      return draft.mailNickname();
    }
    String upn = draft.userPrincipalName();
    int at = upn.indexOf('@');
    String local =
        (at < 0 ? upn : upn.substring(0, at)).replaceAll("[@()\\\\\\[\\]\";:<>,\\s]", "");
    if (local.isEmpty()) {
      local = "user";
    }
    return local.length() > 64 ? local.substring(0, 64) : local;
  }

  private static List<AssignedLicense> licenses(@Nullable List<GraphLicense> licenses) {
    if (licenses == null) {
      return List.of();
    }
    List<AssignedLicense> out = new ArrayList<>(licenses.size());
    for (GraphLicense l : licenses) {
      if (l != null && l.skuId() != null) {
        out.add(
            new AssignedLicense(
                l.skuId(),
                l.disabledPlans() == null
                    ? List.of()
                    : l.disabledPlans().stream().filter(Objects::nonNull).toList()));
      }
    }
    return out;
  }

  private static void putIfSet(ObjectNode body, String field, @Nullable String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  private static <T> @Nullable T orElse(@Nullable T value, @Nullable T fallback) {
    return value != null ? value : fallback;
  }
}
