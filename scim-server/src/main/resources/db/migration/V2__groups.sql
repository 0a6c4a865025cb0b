-- Groups (RFC 7643 §4.2) and their members. Conventions as in V1__foundation.sql.
-- Members are rows of group_member, never a collection loaded with the group: a group of 50,000
-- members gains or loses one with one INSERT or DELETE. member_id is a user's or a group's id of
-- the same tenant (member_type says which), so it has no foreign key; the service checks it, and
-- removes a user's or group's memberships when that member goes away.

CREATE TABLE scim_group (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  tenant_id        VARCHAR(36)   NOT NULL,
  display_name     VARCHAR(256)  NOT NULL,
  display_name_ci  VARCHAR(256)  NOT NULL,
  external_id      VARCHAR(256),
  created_at       BIGINT        NOT NULL,
  last_modified    BIGINT        NOT NULL,
  version          BIGINT        NOT NULL,
  CONSTRAINT uq_group_display_name UNIQUE (tenant_id, display_name_ci),
  CONSTRAINT uq_group_external_id UNIQUE (tenant_id, external_id),
  CONSTRAINT fk_group_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_group_tenant_id ON scim_group (tenant_id, id);
CREATE INDEX ix_group_last_modified ON scim_group (tenant_id, last_modified, id);
CREATE INDEX ix_group_created ON scim_group (tenant_id, created_at, id);

CREATE TABLE group_member (
  group_id     VARCHAR(36)  NOT NULL,
  member_id    VARCHAR(36)  NOT NULL,
  member_type  VARCHAR(8)   NOT NULL,
  tenant_id    VARCHAR(36)  NOT NULL,
  PRIMARY KEY (group_id, member_id),
  CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES scim_group (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_group_member_member ON group_member (tenant_id, member_id);
