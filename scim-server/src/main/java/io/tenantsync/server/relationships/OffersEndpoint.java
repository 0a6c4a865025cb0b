package io.tenantsync.server.relationships;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.tenantsync.server.protocol.ResourceEndpoint;
import io.tenantsync.server.protocol.ResourceTypes;
import jakarta.ws.rs.Path;

/** {@code /scim/v2/DelegatedAdminOffers}; the rules are in {@link OfferService}. */
@Path("scim/v2/DelegatedAdminOffers")
public final class OffersEndpoint extends ResourceEndpoint<OfferResource> {
  public static final ResourceTypeDefinition TYPE =
      ResourceTypes.define("DelegatedAdminOffer", "/DelegatedAdminOffers", OfferResource.class);

  public OffersEndpoint(OfferService service) {
    super(service, TYPE, OfferResource.class);
  }
}
