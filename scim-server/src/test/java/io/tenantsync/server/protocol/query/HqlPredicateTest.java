package io.tenantsync.server.protocol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HqlPredicateTest {

  @Test
  void andParenthesisesBothSidesAndMergesParameters() {
    HqlPredicate filter = new HqlPredicate("a = :p0 or b = :p1", Map.of("p0", 1L, "p1", 2L));
    HqlPredicate keyset = new HqlPredicate("u.id > :k0", Map.of("k0", "x"));

    HqlPredicate both = filter.and(keyset);

    assertEquals("(a = :p0 or b = :p1) and (u.id > :k0)", both.hql());
    assertEquals(Map.of("p0", 1L, "p1", 2L, "k0", "x"), both.parameters());
  }

  @Test
  void andRejectsAParameterNameUsedByBothSides() {
    HqlPredicate one = new HqlPredicate("a = :p0", Map.of("p0", 1L));
    assertThrows(IllegalArgumentException.class, () -> one.and(one));
  }

  @Test
  void parametersAreACopyThatCannotChange() {
    Map<String, Object> source = new HashMap<>(Map.of("p0", "x"));
    HqlPredicate predicate = new HqlPredicate("a = :p0", source);
    source.put("p1", "y");

    assertEquals(Map.of("p0", "x"), predicate.parameters());
    assertThrows(UnsupportedOperationException.class, () -> predicate.parameters().put("p2", 1));
  }
}
