-- License pools (R7), assigned licenses as entitlements (R8, API.md rule 1), admin roles (R10),
-- and the outbox of changes the tenant directory must see (API.md rule 12).

CREATE TABLE product (
  id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id            VARCHAR(36)  NOT NULL,
  sku_id               VARCHAR(36)  NOT NULL,
  sku_part_number      VARCHAR(128) NOT NULL,
  sku_part_number_ci   VARCHAR(128) NOT NULL,
  display_name         VARCHAR(256),
  prepaid_enabled      INT          NOT NULL,
  consumed_units       INT          NOT NULL,
  service_plans        ${clob}      NOT NULL,
  created_at           BIGINT       NOT NULL,
  last_modified        BIGINT       NOT NULL,
  version              BIGINT       NOT NULL,
  CONSTRAINT uq_product_sku UNIQUE (tenant_id, sku_part_number_ci),
  CONSTRAINT uq_product_sku_id UNIQUE (tenant_id, sku_id),
  CONSTRAINT ck_product_pool CHECK (consumed_units >= 0 AND consumed_units <= prepaid_enabled),
  CONSTRAINT fk_product_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};

-- One row per license a user holds. A suspended row is a license released by deactivation and
-- remembered for reactivation (API.md rule 6); it consumes no unit.
CREATE TABLE user_license (
  user_id      VARCHAR(36) NOT NULL,
  product_id   VARCHAR(36) NOT NULL,
  tenant_id    VARCHAR(36) NOT NULL,
  suspended    BOOLEAN     NOT NULL,
  assigned_at  BIGINT      NOT NULL,
  PRIMARY KEY (user_id, product_id),
  CONSTRAINT fk_user_license_user FOREIGN KEY (user_id) REFERENCES scim_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_license_product FOREIGN KEY (product_id) REFERENCES product (id)
) ${table_options};
CREATE INDEX ix_user_license_product ON user_license (product_id, suspended);

CREATE TABLE user_role (
  user_id    VARCHAR(36) NOT NULL,
  role       VARCHAR(64) NOT NULL,
  tenant_id  VARCHAR(36) NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES scim_user (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_user_role_tenant ON user_role (tenant_id, role);

-- Each row: the state one user must have in the tenant directory after one change, in order
-- (sequence per user). Drained by the outbox workers with SELECT … FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  tenant_id        VARCHAR(36)   NOT NULL,
  user_id          VARCHAR(36)   NOT NULL,
  sequence         BIGINT        NOT NULL,
  kind             VARCHAR(32)   NOT NULL,
  payload          ${clob}       NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  attempts         INT           NOT NULL,
  next_attempt_at  BIGINT        NOT NULL,
  last_error       VARCHAR(1024),
  correlation_id   VARCHAR(64)   NOT NULL,
  created_at       BIGINT        NOT NULL,
  updated_at       BIGINT        NOT NULL,
  CONSTRAINT uq_outbox_user_sequence UNIQUE (user_id, sequence)
) ${table_options};
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_tenant ON outbox (tenant_id, status);

ALTER TABLE scim_user ADD COLUMN outbox_sequence BIGINT NOT NULL DEFAULT 0;

-- Deleted for real (soft delete in the tenant, restorable for 30 days; R6, R20).
ALTER TABLE scim_user ADD COLUMN deleted_at BIGINT;
