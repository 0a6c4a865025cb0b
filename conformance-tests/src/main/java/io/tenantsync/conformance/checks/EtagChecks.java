package io.tenantsync.conformance.checks;

import static io.tenantsync.conformance.ResponseAssert.assertThat;

import io.tenantsync.conformance.ConformanceCheck;
import io.tenantsync.conformance.Feature;
import io.tenantsync.conformance.Scim;
import io.tenantsync.conformance.ScimResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Versioning (RFC 7644 §3.14): ETag and meta.version, If-None-Match → 304, If-Match → 412. */
@Tag("etag")
public class EtagChecks extends ConformanceCheck {

  private String createdUser() {
    return scim.createUser().path("id").asText();
  }

  private String replaceBody(final String userName, final String displayName) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"%s"}
        """
        .formatted(userName, displayName);
  }

  @Test
  void etagSupportIsDeclared() {
    assertThat(get("/ServiceProviderConfig"))
        .status(200)
        .satisfies(json -> json.at("/etag/supported").isBoolean(), "etag.supported boolean");
  }

  @Test
  void getCarriesAnEtagEqualToMetaVersion() {
    scim.require(Feature.ETAG);
    final ScimResponse read = get("/Users/" + createdUser());
    assertThat(read)
        .status(200)
        .present("/meta/version")
        .header(
            "ETag",
            etag -> etag.equals(read.at("/meta/version").asText()),
            "equal to meta.version");
  }

  @Test
  void createAndReplaceCarryAnEtag() {
    scim.require(Feature.ETAG);
    final String userName = scim.userName("etag");
    final ScimResponse created = post("/Users", Scim.userJson(userName));
    created.text("/id").ifPresent(id -> scim.deleteLater("/Users/" + id));
    assertThat(created).status(201).header("ETag", etag -> !etag.isBlank(), "present on 201");
    final ScimResponse replaced = put("/Users/" + created.id(), replaceBody(userName, "v2"));
    assertThat(replaced)
        .status(200)
        .header(
            "ETag", etag -> !etag.equals(created.header("ETag").orElse("")), "to change after PUT");
  }

  @Test
  void ifNoneMatchWithTheCurrentVersionIsNotModified() {
    scim.require(Feature.ETAG);
    final String id = createdUser();
    final String etag = get("/Users/" + id).header("ETag").orElse("\"none\"");
    final ScimResponse notModified =
        scim.http().request("GET", "/Users/" + id).header("If-None-Match", etag).send();
    assertThat(notModified)
        .status(304)
        .satisfies(json -> notModified.body().isEmpty(), "no body with 304");
  }

  @Test
  void ifNoneMatchWithAnOldVersionReturnsTheResource() {
    scim.require(Feature.ETAG);
    final String id = createdUser();
    assertThat(
            scim.http()
                .request("GET", "/Users/" + id)
                .header("If-None-Match", "W/\"stale-" + Scim.random() + "\"")
                .send())
        .status(200)
        .text("/id", id);
  }

  @Test
  void ifMatchWithAStaleVersionIsPreconditionFailed() {
    scim.require(Feature.ETAG);
    final String id = createdUser();
    final ScimResponse first = get("/Users/" + id);
    final String stale = first.header("ETag").orElse("W/\"none\"");
    final String userName = first.text("/userName").orElse("");
    assertThat(put("/Users/" + id, replaceBody(userName, "changed"))).status(200);
    assertThat(
            scim.http()
                .request("PUT", "/Users/" + id)
                .header("If-Match", stale)
                .body(replaceBody(userName, "lost update"))
                .send())
        .error(412, null);
    assertThat(get("/Users/" + id)).status(200).text("/displayName", "changed");
  }

  @Test
  void ifMatchWithTheCurrentVersionSucceeds() {
    scim.require(Feature.ETAG);
    final String id = createdUser();
    final ScimResponse current = get("/Users/" + id);
    assertThat(
            scim.http()
                .request("PUT", "/Users/" + id)
                .header("If-Match", current.header("ETag").orElse("W/\"none\""))
                .body(replaceBody(current.text("/userName").orElse(""), "matched"))
                .send())
        .status(200)
        .text("/displayName", "matched");
  }

  @Test
  void ifMatchOnPatchAndDeleteIsHonoured() {
    scim.require(Feature.ETAG);
    scim.require(Feature.PATCH);
    final String id = createdUser();
    final String stale = get("/Users/" + id).header("ETag").orElse("W/\"none\"");
    assertThat(
            patch(
                "/Users/" + id,
                patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"p1\"}")))
        .status(200, 204);
    assertThat(
            scim.http()
                .request("PATCH", "/Users/" + id)
                .header("If-Match", stale)
                .body(patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"p2\"}"))
                .send())
        .error(412, null);
    assertThat(scim.http().request("DELETE", "/Users/" + id).header("If-Match", stale).send())
        .error(412, null);
    assertThat(get("/Users/" + id)).status(200).text("/displayName", "p1");
  }
}
