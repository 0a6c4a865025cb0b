-- Everything the connector side keeps: how it signs in to each tenant's sandbox, per-tenant
-- back-off, reconciliation runs and what they found, and the delta position per tenant.

-- The connector's own token for a sandbox tenant: an ApiTokens row of that tenant (visible and
-- revocable there), whose secret is kept sealed so the workers can use it.
CREATE TABLE connector_credential (
  tenant_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
  token_id       VARCHAR(36)  NOT NULL,
  sealed_secret  VARCHAR(512) NOT NULL,
  created_at     BIGINT       NOT NULL,
  CONSTRAINT fk_connector_credential_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};

-- A tenant whose directory failed with a retryable error is paused until paused_until, so one
-- tenant that is down never slows the others.
CREATE TABLE tenant_sync (
  tenant_id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  paused_until          BIGINT        NOT NULL,
  consecutive_failures  INT           NOT NULL,
  last_error            VARCHAR(1024),
  delta_link            ${clob},
  last_full_sync_at     BIGINT,
  CONSTRAINT fk_tenant_sync_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE reconciliation (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  tenant_id      VARCHAR(36)   NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  mode           VARCHAR(16)   NOT NULL,
  trigger_kind   VARCHAR(16)   NOT NULL,
  scanned        BIGINT        NOT NULL,
  unmanaged      BIGINT        NOT NULL,
  drifted        BIGINT        NOT NULL,
  retained       BIGINT        NOT NULL,
  missing        BIGINT        NOT NULL,
  failed         BIGINT        NOT NULL,
  error          VARCHAR(1024),
  started_at     BIGINT,
  finished_at    BIGINT,
  created_at     BIGINT        NOT NULL,
  last_modified  BIGINT        NOT NULL,
  version        BIGINT        NOT NULL,
  CONSTRAINT fk_reconciliation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_reconciliation_tenant ON reconciliation (tenant_id, created_at);
CREATE INDEX ix_reconciliation_status ON reconciliation (status, created_at);

CREATE TABLE reconcile_finding (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  reconciliation_id VARCHAR(36)  NOT NULL,
  tenant_id        VARCHAR(36)   NOT NULL,
  user_id          VARCHAR(36),
  tenant_object_id VARCHAR(64),
  kind             VARCHAR(32)   NOT NULL,
  detail           VARCHAR(1024) NOT NULL,
  repaired         BOOLEAN       NOT NULL,
  created_at       BIGINT        NOT NULL,
  CONSTRAINT fk_finding_reconciliation FOREIGN KEY (reconciliation_id) REFERENCES reconciliation (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_finding_tenant ON reconcile_finding (tenant_id, created_at);
