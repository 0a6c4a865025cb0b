package io.tenantsync.server.protocol.query;

import static io.tenantsync.server.protocol.query.TestCatalogs.RESELLER;
import static io.tenantsync.server.protocol.query.TestCatalogs.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import org.junit.jupiter.api.Test;

class SortSpecTest {
  private static final String SORTABLE =
      "displayName, externalId, id, meta.created, meta.lastModified, name.familyName, "
          + RESELLER
          + ":seatCount, userName";

  @Test
  void withoutSortByTheOrderIsById() throws BadRequestException {
    SortSpec sort = SortSpec.of(null, null, USERS);
    assertEquals(new SortSpec(null, false, "u.id"), sort);
    assertEquals("order by u.id asc", sort.orderBy());
    assertEquals("order by u.id desc", SortSpec.of(" ", "descending", USERS).orderBy());
  }

  @Test
  void sortByAddsTheIdForATotalOrder() throws BadRequestException {
    assertEquals(
        "order by u.userNameCi asc nulls first, u.id asc",
        SortSpec.of("userName", null, USERS).orderBy());
    assertEquals(
        "order by u.lastModified desc nulls last, u.id desc",
        SortSpec.of("meta.lastModified", "descending", USERS).orderBy());
    assertEquals(
        "order by u.seatCount asc nulls first, u.id asc",
        SortSpec.of(RESELLER + ":seatCount", "ascending", USERS).orderBy());
  }

  @Test
  void caseInsensitiveStringsSortLowerCased() throws BadRequestException {
    assertEquals("lower(u.displayName)", SortSpec.of("displayName", null, USERS).sortExpression());
    assertEquals("u.userNameCi", SortSpec.of("USERNAME", null, USERS).sortExpression());
    assertEquals("u.externalId", SortSpec.of("externalId", null, USERS).sortExpression());
  }

  @Test
  void sortOrderIsCaseInsensitive() throws BadRequestException {
    assertEquals(true, SortSpec.of("userName", "DESCENDING", USERS).descending());
    assertEquals(false, SortSpec.of("userName", "Ascending", USERS).descending());
  }

  @Test
  void reversedFlipsOnlyTheDirection() throws BadRequestException {
    SortSpec sort = SortSpec.of("userName", null, USERS);
    assertEquals(new SortSpec("u.userNameCi", true, "u.id"), sort.reversed());
    assertEquals(sort, sort.reversed().reversed());
  }

  @Test
  void unsupportedSortByIsInvalidValueListingTheAlternatives() {
    assertEquals(
        "sorting by 'title' is not supported; sortable attributes: " + SORTABLE,
        invalidValue("title", null));
    assertEquals(
        "sorting by 'nickName' is not supported; sortable attributes: " + SORTABLE,
        invalidValue("nickName", null));
  }

  @Test
  void multiValuedSortByIsInvalidValue() {
    assertEquals(
        "sortBy 'emails' is multi-valued and cannot be sorted by; sortable attributes: " + SORTABLE,
        invalidValue("emails", null));
    assertEquals(
        "sortBy 'emails.value' is multi-valued and cannot be sorted by; sortable attributes: "
            + SORTABLE,
        invalidValue("emails.value", null));
  }

  @Test
  void malformedSortByAndSortOrderAreInvalidValue() {
    assertEquals("sortBy 'emails[' is not an attribute path", invalidValue("emails[", null));
    assertEquals(
        "sortOrder must be 'ascending' or 'descending', not 'up'", invalidValue("userName", "up"));
    assertEquals(
        "sortOrder must be 'ascending' or 'descending', not 'desc'", invalidValue(null, "desc"));
  }

  private static String invalidValue(String sortBy, String sortOrder) {
    BadRequestException e =
        assertThrows(BadRequestException.class, () -> SortSpec.of(sortBy, sortOrder, USERS));
    assertEquals(BadRequestException.INVALID_VALUE, e.getScimError().getScimType());
    return e.getScimError().getDetail();
  }
}
