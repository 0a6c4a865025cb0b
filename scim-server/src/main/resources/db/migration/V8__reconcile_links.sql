-- Which directory the stored delta position belongs to (type, base URL, token URL, client id): a
-- position is only used against the same directory, so switching a tenant between the sandbox and
-- Graph, or to another Graph tenant, starts over with a full listing.
ALTER TABLE tenant_sync ADD COLUMN delta_directory VARCHAR(1024);

-- When a reconciliation found the user's tenant account deleted in the tenant (and did not repair
-- it); null otherwise. A later run that sees the account again records it as restored.
ALTER TABLE scim_user ADD COLUMN tenant_missing_since BIGINT;
