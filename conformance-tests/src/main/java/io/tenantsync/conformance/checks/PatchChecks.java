package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;
import static io.tenantsync.conformance.checks.UserChecks.hasValue;
import static io.tenantsync.conformance.checks.UserChecks.pointerEscape;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.ResponseAssert;
import io.tenantsync.conformance.ScimResponse;
import io.tenantsync.conformance.Urns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PATCH of Users in every form RFC 7644 §3.5.2 allows, and the dialects real clients send (op in
 * any case, booleans as strings, no-path values with dotted or URN keys).
 */
@Tag("patch")
public class PatchChecks extends ConformanceCheck {

  private static final String ENTERPRISE = "/" + pointerEscape(Urns.ENTERPRISE_USER);

  private String id;

  @BeforeEach
  void createUser() {
    id =
        scim.createUser(
                """
                {
                  "schemas": [
                    "urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                  ],
                  "userName": "%s",
                  "name": {"givenName": "Patch", "familyName": "Target"},
                  "displayName": "Patch Target",
                  "title": "Clerk",
                  "active": true,
                  "emails": [
                    {"value": "work@patch.example", "type": "work", "primary": true},
                    {"value": "home@patch.example", "type": "home"}
                  ],
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    "department": "Accounts"
                  }
                }
                """
                    .formatted(scim.userName("patch")))
            .path("id")
            .asText();
  }

  /** PATCHes, asserts 200 or 204 (and a User body with 200), returns the user read back. */
  private ResponseAssert patchAndRead(final String operations) {
    final ScimResponse patched = patch("/Users/" + id, patchOps(operations));
    assertThat(patched).status(200, 204);
    if (patched.status() == 200) {
      assertThat(patched).scimJson().schemas(Urns.USER).text("/id", id);
    }
    return assertThat(get("/Users/" + id)).status(200);
  }

  @Test
  void patchSupportIsDeclared() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(json -> json.at("/patch/supported").isBoolean(), "patch.supported boolean");
  }

  @Test
  void addWithPathSetsASingleValuedAttribute() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"Babs\"}")
        .text("/nickName", "Babs");
  }

  @Test
  void replaceWithPathChangesAnAttribute() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Director\"}")
        .text("/title", "Director");
  }

  @Test
  void replaceOfASubAttributeLeavesItsSiblings() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Jensen\"}")
        .text("/name/familyName", "Jensen")
        .text("/name/givenName", "Patch");
  }

  @Test
  void removeWithPathClearsAnAttribute() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"remove\",\"path\":\"title\"}").absent("/title");
  }

  @Test
  void addToAMultiValuedAttributeAppends() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"add","path":"emails","value":[{"value":"other@patch.example","type":"other"}]}""")
        .satisfies(json -> json.path("emails").size() == 3, "three emails")
        .satisfies(
            json -> hasValue(json.path("emails"), "work", "work@patch.example"), "work kept");
  }

  @Test
  void replaceWithAValueFilterPathChangesOnlyTheMatchingValue() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"new@patch.example"}""")
        .satisfies(json -> hasValue(json.path("emails"), "work", "new@patch.example"), "new work")
        .satisfies(
            json -> hasValue(json.path("emails"), "home", "home@patch.example"), "home kept");
  }

  @Test
  void removeWithAValueFilterPathRemovesOnlyTheMatchingValue() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}")
        .satisfies(json -> json.path("emails").size() == 1, "one email left")
        .satisfies(
            json -> hasValue(json.path("emails"), "work", "work@patch.example"), "work kept");
  }

  @Test
  void replaceWithAnExtensionUrnPath() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Research"}""")
        .text(ENTERPRISE + "/department", "Research");
  }

  @Test
  void addWithoutPathTakesAttributeObject() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"add\",\"value\":{\"nickName\":\"Pat\",\"title\":\"Lead\"}}")
        .text("/nickName", "Pat")
        .text("/title", "Lead");
  }

  @Test
  void replaceWithoutPathTakesDottedKeys() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"replace","value":{"name.givenName":"Dotted","name.familyName":"Keys"}}""")
        .text("/name/givenName", "Dotted")
        .text("/name/familyName", "Keys");
  }

  @Test
  void replaceWithoutPathTakesFullUrnKeys() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Legal"}}""")
        .text(ENTERPRISE + "/department", "Legal");
  }

  @Test
  void replaceWithoutPathTakesAnExtensionObject() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42"}}}""")
        .text(ENTERPRISE + "/employeeNumber", "42");
  }

  @Test
  void capitalisedOpNamesAreAccepted() {
    scim.require(Feature.PATCH);
    patchAndRead(
            """
            {"op":"Replace","path":"title","value":"Capitalised"},
            {"op":"Add","path":"nickName","value":"Caps"},
            {"op":"Remove","path":"name.givenName"}""")
        .text("/title", "Capitalised")
        .text("/nickName", "Caps")
        .absent("/name/givenName");
  }

  @Test
  void booleanSentAsStringFalseIsFalse() {
    scim.require(Feature.PATCH);
    patchAndRead("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}")
        .bool("/active", false);
    patchAndRead("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"True\"}")
        .bool("/active", true);
  }

  @Test
  void patchChangesLastModified() throws InterruptedException {
    scim.require(Feature.PATCH);
    final String before = get("/Users/" + id).at("/meta/lastModified").asText();
    Thread.sleep(1_100);
    patchAndRead("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Later\"}")
        .satisfies(
            json -> !json.at("/meta/lastModified").asText().equals(before),
            "meta.lastModified to change from " + before);
  }

  @Test
  void removeWithoutPathIsNoTarget() {
    scim.require(Feature.PATCH);
    assertThat(patch("/Users/" + id, patchOps("{\"op\":\"remove\"}"))).error(400, "noTarget");
  }

  @Test
  void replaceWithAFilterMatchingNothingIsNoTarget() {
    scim.require(Feature.PATCH);
    assertThat(
            patch(
                "/Users/" + id,
                patchOps(
                    """
                    {"op":"replace","path":"emails[type eq \\"pager\\"].value","value":"x@patch.example"}""")))
        .error(400, "noTarget");
  }

  @Test
  void patchOfAReadOnlyAttributeIsMutabilityError() {
    scim.require(Feature.PATCH);
    assertThat(
            patch(
                "/Users/" + id,
                patchOps("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other-id\"}")))
        .error(400, "mutability");
  }

  @Test
  void unknownOpIsRejected() {
    scim.require(Feature.PATCH);
    assertThat(
            patch(
                "/Users/" + id, patchOps("{\"op\":\"merge\",\"path\":\"title\",\"value\":\"x\"}")))
        .error(400, null);
  }

  @Test
  void aFailingOperationLeavesTheWholePatchUnapplied() {
    scim.require(Feature.PATCH);
    final ScimResponse failed =
        patch(
            "/Users/" + id,
            patchOps(
                """
                {"op":"replace","path":"title","value":"Half"},
                {"op":"replace","path":"id","value":"other-id"}"""));
    assertThat(failed).status(400);
    assertThat(get("/Users/" + id)).status(200).text("/title", "Clerk");
  }

  @Test
  void patchOfAnUnknownUserIsNotFound() {
    scim.require(Feature.PATCH);
    assertThat(
            patch(
                "/Users/no-such-user-" + id,
                patchOps("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}")))
        .error(404, null);
  }
}
