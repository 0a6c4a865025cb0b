-- Uniqueness the database enforces itself, so that no check-then-insert race between requests (on
-- one node or several) can break it. Conventions as in V1__foundation.sql.

-- R16 / API.md rule 10: every user reserves its userName and its initialUserName, and no name is
-- reserved twice in a tenant, case-insensitively, whichever of the two roles it plays: a userName
-- can never be another user's initialUserName. scim_user's own unique keys cover each column
-- alone; this table covers the crossing. One row per distinct name of a user (one row when
-- userName = initialUserName). Retained and deleted users keep their rows until the row of the
-- user goes (purge after the 30-day retention, tenant deletion).
CREATE TABLE user_name_reservation (
  user_id    VARCHAR(36)  NOT NULL,
  tenant_id  VARCHAR(36)  NOT NULL,
  name_ci    VARCHAR(256) NOT NULL,
  PRIMARY KEY (user_id, name_ci),
  CONSTRAINT uq_reserved_name UNIQUE (tenant_id, name_ci),
  CONSTRAINT fk_reservation_user FOREIGN KEY (user_id) REFERENCES scim_user (id) ON DELETE CASCADE
) ${table_options};

INSERT INTO user_name_reservation (user_id, tenant_id, name_ci)
SELECT id, tenant_id, user_name_ci FROM scim_user;

-- Initial user names that are not the user's own userName. One that is already another user's
-- userName (possible before this migration) stays unreserved rather than failing the upgrade.
INSERT INTO user_name_reservation (user_id, tenant_id, name_ci)
SELECT u.id, u.tenant_id, u.initial_user_name_ci FROM scim_user u
WHERE u.initial_user_name_ci <> u.user_name_ci
  AND NOT EXISTS (SELECT 1 FROM scim_user o
                  WHERE o.tenant_id = u.tenant_id AND o.user_name_ci = u.initial_user_name_ci);

-- R4: the tenant directory's immutable object id identifies one account, linked to at most one
-- user of the tenant. NULL (not yet synced) may repeat.
ALTER TABLE scim_user ADD CONSTRAINT uq_user_object_id UNIQUE (tenant_id, tenant_object_id);
