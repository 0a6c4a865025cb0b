package io.tenantsync.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which filters {@link HotUserReads} takes for itself: exactly {@code userName eq "…"}. */
class HotUserReadsTest {
  @Test
  void userNameEqualityInAnySpellingIsTaken() throws BadRequestException {
    assertEquals("Alice@x.com", HotUserReads.userNameEq("userName eq \"Alice@x.com\""));
    assertEquals("a@x.com", HotUserReads.userNameEq("USERNAME EQ \"a@x.com\""));
    assertEquals(
        "a@x.com",
        HotUserReads.userNameEq(
            "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a@x.com\""));
  }

  @Test
  void everythingElseIsLeftToTheApplication() throws BadRequestException {
    assertNull(HotUserReads.userNameEq(null));
    assertNull(HotUserReads.userNameEq("userName eq 42"));
    assertNull(HotUserReads.userNameEq("userName eq null"));
    assertNull(HotUserReads.userNameEq("userName ne \"a@x.com\""));
    assertNull(HotUserReads.userNameEq("userName co \"a\""));
    assertNull(HotUserReads.userNameEq("externalId eq \"a@x.com\""));
    assertNull(HotUserReads.userNameEq("emails.value eq \"a@x.com\""));
    assertNull(HotUserReads.userNameEq("emails[value eq \"a@x.com\"]"));
    assertNull(HotUserReads.userNameEq("userName eq \"a@x.com\" and active eq true"));
    assertNull(HotUserReads.userNameEq("not (userName eq \"a@x.com\")"));
    assertNull(
        HotUserReads.userNameEq(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"a\""));
  }

  @Test
  void thePlainFormIsReadAsTheFilterParserReadsIt() throws BadRequestException {
    for (String filter :
        List.of(
            "userName eq \"Alice@x.com\"",
            "USERNAME EQ \"a@x.com\"",
            "username Eq \"J\u00f6rg M\u00fcller@x.com\"",
            "userName eq \"with space@x.com\"",
            "userName eq \"\"",
            "userName eq \"a(b)[c]@x.com\"",
            "userName eq \"and or not@x.com\"",
            "userName eq \"quote\\\"inside@x.com\"",
            "userName eq \"back\\\\slash@x.com\"",
            "userName  eq \"two spaces@x.com\"",
            " userName eq \"leading@x.com\"")) {
      assertEquals(HotUserReads.parsedUserNameEq(filter), HotUserReads.userNameEq(filter), filter);
    }
    assertEquals(
        "quote\"inside@x.com", HotUserReads.userNameEq("userName eq \"quote\\\"inside@x.com\""));
  }

  @Test
  void anInvalidFilterIsTheApplicationsToRefuse() {
    assertThrows(BadRequestException.class, () -> HotUserReads.userNameEq("userName eq"));
    assertThrows(
        BadRequestException.class, () -> HotUserReads.userNameEq("userName eq \"unclosed"));
  }
}
