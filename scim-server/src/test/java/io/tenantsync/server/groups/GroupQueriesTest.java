package io.tenantsync.server.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.query.FilterTranslator;
import io.tenantsync.server.protocol.query.HqlPredicate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters on Groups: the catalog's columns, and membership as an exists subquery. */
class GroupQueriesTest {
  private static HqlPredicate translate(String filter) throws BadRequestException {
    return FilterTranslator.translate(FilterTranslator.parse(filter), GroupQueries.CATALOG);
  }

  @Test
  void displayNameIsCaseInsensitiveOnItsLowerCasedColumn() throws BadRequestException {
    HqlPredicate predicate = translate("displayName eq \"Sales EU\"");
    assertEquals("g.displayNameCi = :p0", predicate.hql());
    assertEquals(Map.of("p0", "sales eu"), predicate.parameters());
  }

  @Test
  void externalIdAndIdAreCaseExact() throws BadRequestException {
    assertEquals(Map.of("p0", "AbC"), translate("externalId eq \"AbC\"").parameters());
    assertEquals("g.id = :p0", translate("id eq \"x\"").hql());
  }

  @Test
  void metaDatesCompareAsEpochMillis() throws BadRequestException {
    HqlPredicate predicate = translate("meta.lastModified gt \"2024-01-01T00:00:00Z\"");
    assertEquals("g.lastModified > :p0", predicate.hql());
    assertEquals(Map.of("p0", 1_704_067_200_000L), predicate.parameters());
  }

  @Test
  void everyMembershipFormIsAnExistsSubqueryOnTheMemberId() throws BadRequestException {
    for (String filter :
        new String[] {
          "members[value eq \"u1\"]",
          "members.value eq \"u1\"",
          "members eq \"u1\"",
          "urn:ietf:params:scim:schemas:core:2.0:Group:members.value eq \"u1\""
        }) {
      HqlPredicate predicate = translate(filter);
      assertTrue(
          predicate.hql().startsWith("exists (select 1 from g.members "), filter + predicate.hql());
      assertTrue(predicate.hql().contains(".memberId = :p0"), filter + predicate.hql());
      assertEquals(Map.of("p0", "u1"), predicate.parameters(), filter);
    }
  }

  @Test
  void membershipCombinesLikeAnyOtherCondition() throws BadRequestException {
    HqlPredicate either = translate("members.value eq \"u1\" or displayName eq \"x\"");
    assertTrue(either.hql().contains(" or "), either.hql());
    assertTrue(either.hql().contains("exists (select 1 from g.members"), either.hql());
    HqlPredicate not = translate("not (members[value eq \"u1\"])");
    assertTrue(not.hql().startsWith("not"), not.hql());
    HqlPredicate groupsOnly = translate("members[type eq \"group\"]");
    assertTrue(groupsOnly.hql().contains("lower("), groupsOnly.hql());
    HqlPredicate any = translate("members pr");
    assertEquals("exists (select 1 from g.members e0)", any.hql());
  }

  @Test
  void membersNamesOnlyWhatIsStored() {
    BadRequestException refused =
        assertThrows(BadRequestException.class, () -> translate("members.display eq \"Ann\""));
    assertEquals("invalidFilter", refused.getScimError().getScimType());
  }

  @Test
  void unknownAttributesNameWhatCanBeFiltered() {
    BadRequestException refused =
        assertThrows(BadRequestException.class, () -> translate("title eq \"x\""));
    assertEquals("invalidFilter", refused.getScimError().getScimType());
    assertTrue(refused.getMessage().contains("displayName"), refused.getMessage());
  }
}
