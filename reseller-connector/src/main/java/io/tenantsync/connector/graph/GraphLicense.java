package io.tenantsync.connector.graph;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code assignedLicense}: {@code {"skuId":"…","disabledPlans":["…"]}}, both in a user's
 * {@code assignedLicenses} and in {@code assignLicense}'s {@code addLicenses}.
 */
record GraphLicense(@Nullable UUID skuId, @Nullable List<UUID> disabledPlans) {}
