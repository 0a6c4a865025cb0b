-- Foundation schema: installation secrets, principals, tenants, delegated administration, users.
-- Portable between MySQL 8 / MariaDB 10.6+ and H2 2.x. Placeholders (set per database by
-- io.tenantsync.server.persistence.Migrations):
--   ${table_options}  MySQL: InnoDB, utf8mb4, binary collation (case-exact by default); H2: empty
--   ${clob}           MySQL: LONGTEXT; H2: CLOB
-- Conventions: ids are UUID strings; instants are epoch milliseconds (BIGINT) so that comparisons
-- are exact and time-zone free on every database; every case-insensitive unique or searched value
-- has a lower-cased *_ci twin with the index, so both databases compare it the same way.

CREATE TABLE installation_secret (
  name        VARCHAR(64)  NOT NULL PRIMARY KEY,
  secret      VARCHAR(255) NOT NULL,
  created_at  BIGINT       NOT NULL
) ${table_options};

CREATE TABLE reseller (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  display_name     VARCHAR(256) NOT NULL,
  display_name_ci  VARCHAR(256) NOT NULL,
  external_id      VARCHAR(256),
  created_at       BIGINT       NOT NULL,
  last_modified    BIGINT       NOT NULL,
  version          BIGINT       NOT NULL,
  CONSTRAINT uq_reseller_display_name UNIQUE (display_name_ci)
) ${table_options};

CREATE TABLE tenant (
  id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
  display_name         VARCHAR(256) NOT NULL,
  initial_domain       VARCHAR(253) NOT NULL,
  initial_domain_ci    VARCHAR(253) NOT NULL,
  external_id          VARCHAR(256),
  directory_type       VARCHAR(16)  NOT NULL,
  directory_config     ${clob},
  deactivation_mode    VARCHAR(16)  NOT NULL,
  drift_mode           VARCHAR(16)  NOT NULL,
  auto_claim_enabled   BOOLEAN      NOT NULL,
  created_by_reseller  VARCHAR(36),
  created_at           BIGINT       NOT NULL,
  last_modified        BIGINT       NOT NULL,
  version              BIGINT       NOT NULL,
  CONSTRAINT uq_tenant_initial_domain UNIQUE (initial_domain_ci),
  CONSTRAINT fk_tenant_reseller FOREIGN KEY (created_by_reseller) REFERENCES reseller (id) ON DELETE SET NULL
) ${table_options};

CREATE TABLE tenant_domain (
  tenant_id          VARCHAR(36)  NOT NULL,
  name_ci            VARCHAR(253) NOT NULL,
  name               VARCHAR(253) NOT NULL,
  verified           BOOLEAN      NOT NULL,
  verification_code  VARCHAR(64)  NOT NULL,
  ordinal            INT          NOT NULL,
  PRIMARY KEY (tenant_id, name_ci),
  CONSTRAINT fk_tenant_domain_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE api_token (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  subject_type   VARCHAR(16)  NOT NULL,
  subject_id     VARCHAR(36),
  display_name   VARCHAR(256) NOT NULL,
  token_hash     VARCHAR(64)  NOT NULL,
  token_prefix   VARCHAR(16)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  last_modified  BIGINT       NOT NULL,
  version        BIGINT       NOT NULL,
  revoked_at     BIGINT,
  CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
) ${table_options};
CREATE INDEX ix_api_token_subject ON api_token (subject_type, subject_id);

CREATE TABLE delegated_admin_offer (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  reseller_id    VARCHAR(36)  NOT NULL,
  role           VARCHAR(32)  NOT NULL,
  offer_code     VARCHAR(64)  NOT NULL,
  created_at     BIGINT       NOT NULL,
  last_modified  BIGINT       NOT NULL,
  version        BIGINT       NOT NULL,
  CONSTRAINT uq_offer_code UNIQUE (offer_code),
  CONSTRAINT fk_offer_reseller FOREIGN KEY (reseller_id) REFERENCES reseller (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_offer_reseller ON delegated_admin_offer (reseller_id);

CREATE TABLE delegated_admin_relationship (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  reseller_id    VARCHAR(36)  NOT NULL,
  tenant_id      VARCHAR(36)  NOT NULL,
  offer_id       VARCHAR(36),
  role           VARCHAR(32)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  expires_at     BIGINT,
  ended_at       BIGINT,
  created_at     BIGINT       NOT NULL,
  last_modified  BIGINT       NOT NULL,
  version        BIGINT       NOT NULL,
  CONSTRAINT fk_rel_reseller FOREIGN KEY (reseller_id) REFERENCES reseller (id) ON DELETE CASCADE,
  CONSTRAINT fk_rel_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_rel_reseller_tenant ON delegated_admin_relationship (reseller_id, tenant_id, status);
CREATE INDEX ix_rel_tenant ON delegated_admin_relationship (tenant_id, status);

CREATE TABLE scim_user (
  id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
  tenant_id             VARCHAR(36)   NOT NULL,
  user_name             VARCHAR(256)  NOT NULL,
  user_name_ci          VARCHAR(256)  NOT NULL,
  initial_user_name     VARCHAR(256)  NOT NULL,
  initial_user_name_ci  VARCHAR(256)  NOT NULL,
  external_id           VARCHAR(256),
  display_name          VARCHAR(256),
  given_name            VARCHAR(256),
  family_name           VARCHAR(256),
  title                 VARCHAR(256),
  user_type             VARCHAR(64),
  active                BOOLEAN       NOT NULL,
  managed               BOOLEAN       NOT NULL,
  source                VARCHAR(16)   NOT NULL,
  tenant_object_id      VARCHAR(64),
  usage_location        VARCHAR(2),
  alternate_email       VARCHAR(256),
  employee_number       VARCHAR(64),
  department            VARCHAR(256),
  sync_state            VARCHAR(16)   NOT NULL,
  sync_error            VARCHAR(1024),
  retained              BOOLEAN       NOT NULL,
  attributes            ${clob}       NOT NULL,
  created_at            BIGINT        NOT NULL,
  last_modified         BIGINT        NOT NULL,
  version               BIGINT        NOT NULL,
  CONSTRAINT uq_user_name UNIQUE (tenant_id, user_name_ci),
  CONSTRAINT uq_user_initial_name UNIQUE (tenant_id, initial_user_name_ci),
  CONSTRAINT uq_user_external_id UNIQUE (tenant_id, external_id),
  CONSTRAINT fk_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_user_tenant_id ON scim_user (tenant_id, id);
CREATE INDEX ix_user_last_modified ON scim_user (tenant_id, last_modified, id);
CREATE INDEX ix_user_created ON scim_user (tenant_id, created_at, id);
CREATE INDEX ix_user_object_id ON scim_user (tenant_id, tenant_object_id);

CREATE TABLE user_email (
  user_id      VARCHAR(36)  NOT NULL,
  ordinal      INT          NOT NULL,
  tenant_id    VARCHAR(36)  NOT NULL,
  email_value  VARCHAR(256) NOT NULL,
  value_ci     VARCHAR(256) NOT NULL,
  email_type   VARCHAR(32),
  is_primary   BOOLEAN      NOT NULL,
  display      VARCHAR(256),
  PRIMARY KEY (user_id, ordinal),
  CONSTRAINT fk_user_email_user FOREIGN KEY (user_id) REFERENCES scim_user (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_user_email_value ON user_email (tenant_id, value_ci);
