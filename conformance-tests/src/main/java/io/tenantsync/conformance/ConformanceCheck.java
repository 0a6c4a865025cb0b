package io.tenantsync.conformance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every check class: binds the check's {@link Scim} before each check and offers the
 * request helper's verbs against the SCIM service root.
 */
@ExtendWith(ScimExtension.class)
public abstract class ConformanceCheck {

  protected Scim scim;

  @BeforeEach
  void bindScim(final Scim scim) {
    this.scim = scim;
  }

  protected ScimResponse get(final String path) {
    return scim.http().get(path);
  }

  protected ScimResponse post(final String path, final String body) {
    return scim.http().post(path, body);
  }

  protected ScimResponse put(final String path, final String body) {
    return scim.http().put(path, body);
  }

  protected ScimResponse patch(final String path, final String body) {
    return scim.http().patch(path, body);
  }

  protected ScimResponse delete(final String path) {
    return scim.http().delete(path);
  }

  /** A PatchOp body around the given operations (a JSON array's contents). */
  protected static String patchOps(final String operations) {
    return """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[%s]}"""
        .formatted(operations);
  }
}
