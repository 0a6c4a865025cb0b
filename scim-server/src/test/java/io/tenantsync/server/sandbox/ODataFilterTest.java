package io.tenantsync.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

  @Test
  void principalNameEqualityUsesTheLowerCasedTwin() {
    ODataFilter filter = ODataFilter.parse("userPrincipalName eq 'Ada@Contoso.onmicrosoft.com'");
    assertEquals(" and (u.upnCi = :f0)", filter.hql());
    assertEquals(Map.of("f0", "ada@contoso.onmicrosoft.com"), filter.parameters());
  }

  @Test
  void startsWithEscapesLikeWildcardsAndQuotes() {
    ODataFilter filter = ODataFilter.parse("startswith(displayName,'O''Brien_50%')");
    assertEquals(" and (lower(u.displayName) like :f0 escape '!')", filter.hql());
    assertEquals(Map.of("f0", "o'brien!_50!%%"), filter.parameters());
  }

  @Test
  void clausesJoinWithAndAndPropertyNamesIgnoreCase() {
    ODataFilter filter =
        ODataFilter.parse(
            "accountEnabled eq false AND userprincipalname eq 'x@y.z' and mail eq null");
    assertEquals(
        " and (u.accountEnabled = :f0 and u.upnCi = :f1 and lower(u.mail) is null)", filter.hql());
    assertEquals(Map.of("f0", false, "f1", "x@y.z"), filter.parameters());
  }

  @Test
  void idIsComparedExactly() {
    assertEquals(Map.of("f0", "AbC"), ODataFilter.parse("id eq 'AbC'").parameters());
  }

  @Test
  void unsupportedAndMalformedExpressionsAreRefusedLikeGraph() {
    assertEquals(
        "Request_UnsupportedQuery",
        assertThrows(GraphError.class, () -> ODataFilter.parse("createdDateTime eq 'x'")).code());
    assertEquals(
        "Request_UnsupportedQuery",
        assertThrows(GraphError.class, () -> ODataFilter.parse("displayName ne 'x'")).code());
    assertEquals(
        "Request_UnsupportedQuery",
        assertThrows(GraphError.class, () -> ODataFilter.parse("displayName eq true")).code());
    for (String malformed :
        new String[] {"displayName eq 'open", "eq 'x'", "startswith(mail 'x')", "mail eq 'x' or"}) {
      GraphError e = assertThrows(GraphError.class, () -> ODataFilter.parse(malformed), malformed);
      assertEquals(400, e.status(), malformed);
    }
  }

  @Test
  void absentFilterMatchesEverything() {
    assertEquals("", ODataFilter.parse(null).hql());
    assertEquals("", ODataFilter.parse("  ").hql());
  }
}
