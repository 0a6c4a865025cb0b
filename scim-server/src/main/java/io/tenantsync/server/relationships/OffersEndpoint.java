package io.tenantsync.server.relationships;

import io.tenantsync.server.protocol.ResourceEndpoint;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/DelegatedAdminOffers}; the rules are in {@link OfferService}. */
@Path("scim/v2/DelegatedAdminOffers")
public final class OffersEndpoint extends ResourceEndpoint<OfferResource> {
  public OffersEndpoint(OfferService service) {
    super(service);
  }
}
