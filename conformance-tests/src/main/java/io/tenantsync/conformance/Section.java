package io.tenantsync.conformance;

import io.tenantsync.conformance.checks.AdvertisedFeatureChecks;
import io.tenantsync.conformance.checks.BulkChecks;
import io.tenantsync.conformance.checks.DiscoveryChecks;
import io.tenantsync.conformance.checks.ErrorChecks;
import io.tenantsync.conformance.checks.EtagChecks;
import io.tenantsync.conformance.checks.FilterChecks;
import io.tenantsync.conformance.checks.GroupChecks;
import io.tenantsync.conformance.checks.GroupMemberPatchChecks;
import io.tenantsync.conformance.checks.PagingChecks;
import io.tenantsync.conformance.checks.PatchChecks;
import io.tenantsync.conformance.checks.ProjectionChecks;
import io.tenantsync.conformance.checks.SearchChecks;
import io.tenantsync.conformance.checks.SecurityChecks;
import io.tenantsync.conformance.checks.SortChecks;
import io.tenantsync.conformance.checks.UserChecks;
import io.tenantsync.conformance.checks.reseller.LicenseChecks;
import io.tenantsync.conformance.checks.reseller.ResellerAccessChecks;
import io.tenantsync.conformance.checks.reseller.UserRuleChecks;
import io.tenantsync.conformance.replay.EntraIdReplays;
import io.tenantsync.conformance.replay.OktaReplays;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sections of the suite, in report order. A section is a tag ({@code @Tag("users")}) shared by
 * one or a few check classes; this list is the one place that names them (no class-path scanning).
 */
public enum Section {
  DISCOVERY(DiscoveryChecks.class, AdvertisedFeatureChecks.class),
  USERS(UserChecks.class),
  GROUPS(GroupChecks.class),
  PATCH(PatchChecks.class, GroupMemberPatchChecks.class),
  FILTER(FilterChecks.class),
  SORT(SortChecks.class),
  PAGING(PagingChecks.class),
  PROJECTION(ProjectionChecks.class),
  ETAG(EtagChecks.class),
  SEARCH(SearchChecks.class),
  BULK(BulkChecks.class),
  ERRORS(ErrorChecks.class),
  SECURITY(SecurityChecks.class),
  ENTRA(EntraIdReplays.class),
  OKTA(OktaReplays.class),
  RESELLER(ResellerAccessChecks.class, LicenseChecks.class, UserRuleChecks.class);

  private final List<Class<?>> classes;

  Section(final Class<?>... classes) {
    this.classes = List.of(classes);
  }

  /** The tag of the section's classes and its name on the command line. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<Class<?>> classes() {
    return classes;
  }

  public static Optional<Section> byTag(final String tag) {
    return Arrays.stream(values())
        .filter(section -> section.tag().equalsIgnoreCase(tag.trim()))
        .findFirst();
  }

  public static Optional<Section> ofClass(final String className) {
    return Arrays.stream(values())
        .filter(section -> section.classes.stream().anyMatch(c -> c.getName().equals(className)))
        .findFirst();
  }
}
