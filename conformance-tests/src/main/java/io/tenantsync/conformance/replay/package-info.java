/**
 * Replays of what real SCIM clients send, request for request, in the shapes their public
 * documentation shows: Microsoft Entra ID (section {@code entra}) and Okta (section {@code okta}).
 * Field names and order are kept as documented; only identifiers and names are substituted so that
 * runs do not collide and userNames fall in the target's domain.
 */
@NullMarked
package io.tenantsync.conformance.replay;

import org.jspecify.annotations.NullMarked;
