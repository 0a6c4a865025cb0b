/**
 * Groups of a tenant (RFC 7643 §4.2): endpoint, service, entities, mapper, queries, and {@link
 * io.tenantsync.server.groups.GroupMemberships}, which keeps members as rows of their own so that
 * changing a group's members costs what the change names, whatever the size of the group.
 */
@NullMarked
package io.tenantsync.server.groups;

import org.jspecify.annotations.NullMarked;
