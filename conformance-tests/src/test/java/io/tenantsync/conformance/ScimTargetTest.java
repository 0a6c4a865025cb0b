package io.tenantsync.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimTargetTest {

  @Test
  void parametersRoundTripAndTrailingSlashesGo() {
    final ScimTarget target =
        new ScimTarget(
            URI.create("http://h/scim/v2/"), "t", URI.create("http://h/i/"), "op", "d.example");
    final Map<String, String> parameters = target.toParameters();
    final ScimTarget back =
        ScimTarget.fromParameters(key -> Optional.ofNullable(parameters.get(key))).orElseThrow();
    assertEquals(target, back);
    assertEquals("http://h/scim/v2", back.baseUrl().toString());
    assertTrue(back.hasInstallation());
  }

  @Test
  void blankBaseUrlMeansNoTargetAndDomainDefaults() {
    assertTrue(ScimTarget.fromParameters(key -> Optional.of(" ")).isEmpty());
    final ScimTarget target =
        ScimTarget.fromParameters(
                key -> key.equals(ScimTarget.BASE_URL) ? Optional.of("http://h") : Optional.empty())
            .orElseThrow();
    assertEquals(ScimTarget.DEFAULT_USER_DOMAIN, target.userDomain());
    assertFalse(target.hasInstallation());
  }

  @Test
  void tokensAreNeverPrinted() {
    final ScimTarget target = ScimTarget.of(URI.create("http://h"), "secret-token");
    assertFalse(target.toString().contains("secret-token"));
  }

  @Test
  void sectionsAreFoundByTagAndClass() {
    assertEquals(Optional.of(Section.USERS), Section.byTag(" Users "));
    for (final Section section : Section.values()) {
      for (final Class<?> checks : section.classes()) {
        assertEquals(Optional.of(section), Section.ofClass(checks.getName()));
        final org.junit.jupiter.api.Tag tag = checks.getAnnotation(org.junit.jupiter.api.Tag.class);
        assertEquals(section.tag(), tag.value(), checks + " carries its section's tag");
      }
    }
  }
}
