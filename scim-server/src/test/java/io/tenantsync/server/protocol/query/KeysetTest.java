package io.tenantsync.server.protocol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysetTest {
  private static final SortSpec BY_NAME = new SortSpec("u.userNameCi", false, "u.id");
  private static final SortSpec BY_ID = new SortSpec(null, false, "u.id");

  @Test
  void ascendingContinuesAfterTheValueThenTheId() {
    HqlPredicate after = Keyset.after(BY_NAME, cursor("bjensen", true));
    assertEquals("(u.userNameCi > :k0 or (u.userNameCi = :k0 and u.id > :k1))", after.hql());
    assertEquals(Map.of("k0", "bjensen", "k1", "id-9"), after.parameters());
  }

  @Test
  void descendingComparesDownwardsAndStillReachesTheNulls() {
    HqlPredicate after = Keyset.after(BY_NAME.reversed(), cursor("bjensen", true));
    assertEquals(
        "(u.userNameCi < :k0 or (u.userNameCi = :k0 and u.id < :k1) or u.userNameCi is null)",
        after.hql());
    assertEquals(Map.of("k0", "bjensen", "k1", "id-9"), after.parameters());
  }

  @Test
  void afterANullAscendingComeTheRemainingNullsThenEveryValue() {
    HqlPredicate after = Keyset.after(BY_NAME, cursor(null, true));
    assertEquals(
        "(u.userNameCi is not null or (u.userNameCi is null and u.id > :k0))", after.hql());
    assertEquals(Map.of("k0", "id-9"), after.parameters());
  }

  @Test
  void afterANullDescendingComeOnlyTheRemainingNulls() {
    HqlPredicate after = Keyset.after(BY_NAME.reversed(), cursor(null, true));
    assertEquals("(u.userNameCi is null and u.id < :k0)", after.hql());
    assertEquals(Map.of("k0", "id-9"), after.parameters());
  }

  @Test
  void withoutSortByTheIdAloneIsThePosition() {
    assertEquals("u.id > :k0", Keyset.after(BY_ID, cursor(null, true)).hql());
    assertEquals("u.id < :k0", Keyset.after(BY_ID.reversed(), cursor(null, true)).hql());
    assertEquals(Map.of("k0", "id-9"), Keyset.after(BY_ID, cursor(null, true)).parameters());
  }

  @Test
  void aBackwardCursorSelectsTheRowsBefore() {
    assertEquals(
        "(u.userNameCi < :k0 or (u.userNameCi = :k0 and u.id < :k1) or u.userNameCi is null)",
        Keyset.after(BY_NAME, cursor("m", false)).hql());
    assertEquals(
        "(u.userNameCi > :k0 or (u.userNameCi = :k0 and u.id > :k1))",
        Keyset.after(BY_NAME.reversed(), cursor("m", false)).hql());
    assertEquals("u.id < :k0", Keyset.after(BY_ID, cursor(null, false)).hql());
  }

  @Test
  void nonStringValuesAreBoundAsTheyCame() {
    SortSpec byModified = new SortSpec("u.lastModified", true, "u.id");
    HqlPredicate after = Keyset.after(byModified, cursor(1305261754000L, true));
    assertEquals(
        "(u.lastModified < :k0 or (u.lastModified = :k0 and u.id < :k1) or u.lastModified is null)",
        after.hql());
    assertEquals(Map.of("k0", 1305261754000L, "k1", "id-9"), after.parameters());
  }

  private static CursorState cursor(Object lastValue, boolean forward) {
    return new CursorState("tenant-a", "fp", lastValue, "id-9", Long.MAX_VALUE, forward, 10);
  }
}
