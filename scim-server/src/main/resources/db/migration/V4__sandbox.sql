-- The tenant sandbox: a Microsoft Graph v1.0 subset served at /sandbox/{tenantId}/v1.0 (package
-- io.tenantsync.server.sandbox). Conventions as in V1: placeholders ${table_options} / ${clob},
-- instants in epoch milliseconds, *_ci lower-cased twins for case-insensitive uniqueness, and
-- every row carries tenant_id.

-- One row per sandbox tenant: the per-tenant change counter. Every sandbox write transaction
-- increments it first, which (a) hands out the delta sequence numbers in commit order and (b)
-- serialises the tenant's writers, so that they never deadlock on each other. delta_floor is the
-- highest sequence of a hard-deletion tombstone pruned so far: a delta token older than it → 410.
CREATE TABLE sandbox_directory (
  tenant_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
  change_seq   BIGINT       NOT NULL,
  delta_floor  BIGINT       NOT NULL,
  CONSTRAINT fk_sandbox_directory_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};

-- Graph's subscribedSku. id is Graph's "{tenantId}_{skuId}". consumed_units is changed only by
-- conditional UPDATEs (consumed_units < prepaid_enabled), so no assignment ever oversubscribes.
-- service_plans: JSON array of {servicePlanId, servicePlanName, appliesTo, provisioningStatus}.
CREATE TABLE sandbox_sku (
  id                  VARCHAR(80)  NOT NULL PRIMARY KEY,
  tenant_id           VARCHAR(36)  NOT NULL,
  sku_id              VARCHAR(36)  NOT NULL,
  sku_part_number     VARCHAR(128) NOT NULL,
  sku_part_number_ci  VARCHAR(128) NOT NULL,
  capability_status   VARCHAR(16)  NOT NULL,
  prepaid_enabled     INT          NOT NULL,
  prepaid_suspended   INT          NOT NULL,
  prepaid_warning     INT          NOT NULL,
  consumed_units      INT          NOT NULL,
  service_plans       ${clob}      NOT NULL,
  created_at          BIGINT       NOT NULL,
  last_modified       BIGINT       NOT NULL,
  version             BIGINT       NOT NULL,
  CONSTRAINT uq_sandbox_sku_id UNIQUE (tenant_id, sku_id),
  CONSTRAINT uq_sandbox_sku_part_number UNIQUE (tenant_id, sku_part_number_ci),
  CONSTRAINT ck_sandbox_sku_consumed CHECK (consumed_units >= 0),
  CONSTRAINT fk_sandbox_sku_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};

-- Graph's user. state: active | deleted (soft-deleted, in deleted items, restorable for 30 days)
-- | purged (hard-deleted: a tombstone kept only so that delta can report "@removed deleted").
-- upn_ci is set only while active: UPNs are unique among live accounts, case-insensitively, and a
-- soft-deleted account's UPN may be taken by a new one (restoring it then conflicts).
-- change_seq: the tenant's change sequence at this row's last change (delta, keyset).
-- other_mails: JSON array of strings. Passwords are checked and never stored.
CREATE TABLE sandbox_user (
  id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
  tenant_id            VARCHAR(36)   NOT NULL,
  state                VARCHAR(8)    NOT NULL,
  user_principal_name  VARCHAR(256)  NOT NULL,
  upn_ci               VARCHAR(256),
  display_name         VARCHAR(256),
  given_name           VARCHAR(256),
  surname              VARCHAR(256),
  mail                 VARCHAR(256),
  mail_nickname        VARCHAR(64),
  account_enabled      BOOLEAN       NOT NULL,
  usage_location       VARCHAR(2),
  on_premises_sync     BOOLEAN       NOT NULL,
  other_mails          ${clob},
  job_title            VARCHAR(256),
  department           VARCHAR(256),
  password_changed_at  BIGINT,
  deleted_at           BIGINT,
  purged_at            BIGINT,
  change_seq           BIGINT        NOT NULL,
  created_at           BIGINT        NOT NULL,
  last_modified        BIGINT        NOT NULL,
  version              BIGINT        NOT NULL,
  CONSTRAINT uq_sandbox_user_upn UNIQUE (tenant_id, upn_ci),
  CONSTRAINT uq_sandbox_user_change UNIQUE (tenant_id, change_seq),
  CONSTRAINT fk_sandbox_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_sandbox_user_state_id ON sandbox_user (tenant_id, state, id);
CREATE INDEX ix_sandbox_user_state_time ON sandbox_user (tenant_id, state, deleted_at);

-- A user's assigned licenses (Graph's assignedLicenses), in assignment order. disabled_plans: JSON
-- array of service plan ids. Kept while the account is soft-deleted (units are released then and
-- taken again on restore).
CREATE TABLE sandbox_user_license (
  user_id         VARCHAR(36)  NOT NULL,
  ordinal         INT          NOT NULL,
  tenant_id       VARCHAR(36)  NOT NULL,
  sku_id          VARCHAR(36)  NOT NULL,
  disabled_plans  ${clob}      NOT NULL,
  PRIMARY KEY (user_id, ordinal),
  CONSTRAINT fk_sandbox_user_license_user FOREIGN KEY (user_id) REFERENCES sandbox_user (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_sandbox_user_license_sku ON sandbox_user_license (tenant_id, sku_id);
