package io.tenantsync.connector.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantsync.connector.DirectoryUserChanges;
import io.tenantsync.connector.DirectoryUserChanges.Clearable;
import io.tenantsync.connector.DirectoryUserDraft;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphMapperTest {

  private static DirectoryUserDraft draftFor(String upn, String nickname) {
    return new DirectoryUserDraft(
        upn, "Name", nickname, null, null, true, null, null, List.of(), null, null);
  }

  @Test
  void mailNicknameDefaultsToTheUpnLocalPartWithoutForbiddenCharacters() {
    assertEquals("adele", GraphMapper.mailNickname(draftFor("adele@contoso.com", null)));
    assertEquals("o.brien", GraphMapper.mailNickname(draftFor("o.brien@contoso.com", null)));
    assertEquals("ab", GraphMapper.mailNickname(draftFor("a(b)@contoso.com", null)));
    assertEquals("given", GraphMapper.mailNickname(draftFor("adele@contoso.com", "given")));
  }

  @Test
  void clearingOtherMailsSendsAnEmptyArrayAndOtherClearsSendNull() throws Exception {
    JsonNode patch =
        GraphMapper.toPatch(
            DirectoryUserChanges.builder()
                .clear(Clearable.OTHER_MAILS)
                .clear(Clearable.DEPARTMENT)
                .build());

    assertEquals(GraphJson.mapper().readTree("{\"otherMails\":[],\"department\":null}"), patch);
  }

  @Test
  void changeCannotBothSetAndClearAField() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DirectoryUserChanges.builder().jobTitle("CEO").clear(Clearable.JOB_TITLE).build());
  }

  @Test
  void emptyChangeIsEmpty() {
    assertTrue(DirectoryUserChanges.builder().build().isEmpty());
    assertFalse(DirectoryUserChanges.builder().accountEnabled(true).build().isEmpty());
    assertFalse(DirectoryUserChanges.builder().clear(Clearable.SURNAME).build().isEmpty());
  }

  @Test
  void createWithoutOtherMailsOmitsThem() {
    String json =
        new String(
            GraphJson.write(GraphMapper.toCreate(draftFor("a@contoso.com", null), "Generated-1!")),
            StandardCharsets.UTF_8);

    assertFalse(json.contains("otherMails"), json);
    assertFalse(json.contains("null"), json);
  }
}
