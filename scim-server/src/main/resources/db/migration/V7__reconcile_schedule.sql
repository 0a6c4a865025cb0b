-- When each tenant is next reconciled automatically (TENANTSYNC_RECONCILE_INTERVAL). Moved on by a
-- conditional UPDATE, so that among many nodes exactly one enqueues each scheduled run.
ALTER TABLE tenant_sync ADD COLUMN next_reconcile_at BIGINT;

-- Claiming the next pending run, and listing a tenant's runs newest first.
CREATE INDEX ix_reconciliation_finding_run ON reconcile_finding (reconciliation_id, id);
