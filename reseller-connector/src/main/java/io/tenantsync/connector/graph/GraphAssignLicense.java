package io.tenantsync.connector.graph;

import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /users/{id}/assignLicense}: {@code
 * {"addLicenses":[{"skuId":"…","disabledPlans":[]}],"removeLicenses":["…"]}}. Graph requires both
 * arrays, empty ones included.
 */
record GraphAssignLicense(List<GraphLicense> addLicenses, List<UUID> removeLicenses) {}
