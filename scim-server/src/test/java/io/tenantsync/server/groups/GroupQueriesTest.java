package io.tenantsync.server.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.tenantsync.server.protocol.query.HqlPredicate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters on Groups: the catalog's columns, and membership as an exists subquery. */
class GroupQueriesTest {
  private static final String MEMBER =
      "exists (select 1 from GroupMemberEntity m0 where m0.groupId = g.id and m0.memberId = :m0"
          + " and not exists (select 1 from UserEntity u0"
          + " where u0.id = m0.memberId and u0.retained = true))";

  @Test
  void displayNameIsCaseInsensitiveOnItsLowerCasedColumn() throws BadRequestException {
    HqlPredicate predicate = GroupQueries.translate("displayName eq \"Sales EU\"");
    assertEquals("g.displayNameCi = :p0", predicate.hql());
    assertEquals(Map.of("p0", "sales eu"), predicate.parameters());
  }

  @Test
  void externalIdAndIdAreCaseExact() throws BadRequestException {
    assertEquals(Map.of("p0", "AbC"), GroupQueries.translate("externalId eq \"AbC\"").parameters());
    assertEquals("g.id = :p0", GroupQueries.translate("id eq \"x\"").hql());
  }

  @Test
  void metaDatesCompareAsEpochMillis() throws BadRequestException {
    HqlPredicate predicate =
        GroupQueries.translate("meta.lastModified gt \"2024-01-01T00:00:00Z\"");
    assertEquals("g.lastModified > :p0", predicate.hql());
    assertEquals(Map.of("p0", 1_704_067_200_000L), predicate.parameters());
  }

  @Test
  void everyMembershipFormIsAnExistsSubquery() throws BadRequestException {
    for (String filter :
        new String[] {
          "members[value eq \"u1\"]",
          "members.value eq \"u1\"",
          "members eq \"u1\"",
          "urn:ietf:params:scim:schemas:core:2.0:Group:members.value eq \"u1\""
        }) {
      HqlPredicate predicate = GroupQueries.translate(filter);
      assertEquals(MEMBER, predicate.hql(), filter);
      assertEquals(Map.of("m0", "u1"), predicate.parameters(), filter);
    }
  }

  @Test
  void membershipJoinsTheRestWithAnd() throws BadRequestException {
    HqlPredicate predicate =
        GroupQueries.translate("displayName sw \"S\" and members[value eq \"u1\"]");
    assertEquals("(g.displayNameCi like :p0 escape '\\') and (" + MEMBER + ")", predicate.hql());
    assertEquals(Map.of("p0", "s%", "m0", "u1"), predicate.parameters());
  }

  @Test
  void membershipUnderOrOrNotIsRefused() {
    for (String filter :
        new String[] {
          "members.value eq \"u1\" or displayName eq \"x\"",
          "not (members[value eq \"u1\"])",
          "members[value co \"u\"]",
          "members.display eq \"Ann\"",
          "members pr"
        }) {
      BadRequestException refused =
          assertThrows(BadRequestException.class, () -> GroupQueries.translate(filter), filter);
      assertEquals("invalidFilter", refused.getScimError().getScimType(), filter);
    }
  }

  @Test
  void unknownAttributesNameWhatCanBeFiltered() {
    BadRequestException refused =
        assertThrows(BadRequestException.class, () -> GroupQueries.translate("title eq \"x\""));
    assertEquals("invalidFilter", refused.getScimError().getScimType());
    assertTrue(refused.getMessage().contains("displayName"), refused.getMessage());
  }
}
