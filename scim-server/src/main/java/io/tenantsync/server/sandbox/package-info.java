/**
 * The tenant sandbox: a Microsoft Graph v1.0 subset for one tenant at {@code
 * /sandbox/{tenantId}/v1.0}, served by the same process and persisted in the same database, so that
 * the connector's Graph client works against it unchanged. What is done here is done "directly in
 * the tenant" (R1, R5): the SCIM side learns of it only through the connector.
 *
 * <p>Served only for tenants whose {@code directory.type} is {@code sandbox}; callable with the
 * operator token or the tenant's own token (see {@link
 * io.tenantsync.server.sandbox.SandboxAccess}).
 *
 * <table>
 *   <caption>Graph endpoints</caption>
 *   <tr><td>{@code GET /users}</td><td>{@code $select}, {@code $top} (1–999, default 100),
 *       {@code $filter} ({@code eq} / {@code startswith} on UPN, names, mail…, joined with
 *       {@code and}), keyset paging by id with an opaque {@code $skiptoken}</td></tr>
 *   <tr><td>{@code POST /users}</td><td>requires {@code accountEnabled}, {@code displayName},
 *       {@code mailNickname}, {@code userPrincipalName}, {@code passwordProfile.password}</td></tr>
 *   <tr><td>{@code GET|PATCH|DELETE /users/{id-or-UPN}}</td><td>PATCH 204; DELETE is a soft
 *       delete</td></tr>
 *   <tr><td>{@code POST /users/{id}/assignLicense}</td><td>{@code addLicenses}, {@code
 *       removeLicenses}; 200 with the user</td></tr>
 *   <tr><td>{@code GET /users/delta}</td><td>{@code @odata.nextLink} / {@code @odata.deltaLink},
 *       {@code @removed}, {@code $deltatoken=latest}, {@code Prefer: odata.maxpagesize}; 410
 *       {@code resyncRequired} for an expired or foreign token</td></tr>
 *   <tr><td>{@code GET /subscribedSkus}, {@code GET /subscribedSkus/{id}}</td><td>{@code
 *       consumedUnits} exact under concurrency</td></tr>
 *   <tr><td>{@code GET /directory/deletedItems/microsoft.graph.user}, {@code GET|DELETE
 *       /directory/deletedItems/{id}}, {@code POST /directory/deletedItems/{id}/restore}</td><td>30
 *       days</td></tr>
 * </table>
 *
 * <p>Sandbox extensions, operator only: {@code POST /subscribedSkus} adds a product ({@code
 * {"skuPartNumber":"…","prepaidUnits":{"enabled":N},"servicePlans":[{"servicePlanName":"…"}]}},
 * {@code skuId} and plan ids optional); {@code PATCH /subscribedSkus/{skuId}} changes {@code
 * prepaidUnits} and {@code capabilityStatus}; {@code POST /users} with {@code
 * "onPremisesSyncEnabled": true} creates an account as if synchronised from an on-premises
 * directory, whose mastered properties are then read-only.
 *
 * <p>Errors are Graph's: {@code {"error":{"code","message","innerError":{"request-id","date"}}}}.
 */
@NullMarked
package io.tenantsync.server.sandbox;

import org.jspecify.annotations.NullMarked;
