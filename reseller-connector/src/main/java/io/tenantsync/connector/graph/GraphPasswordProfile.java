package io.tenantsync.connector.graph;

import io.tenantsync.connector.Secrets;

/** Graph's {@code passwordProfile}; never printed. */
record GraphPasswordProfile(String password, boolean forceChangePasswordNextSignIn) {

  @Override
  public String toString() {
    return "GraphPasswordProfile[password="
        + Secrets.mask(password)
        + ", forceChangePasswordNextSignIn="
        + forceChangePasswordNextSignIn
        + "]";
  }
}
