-- Indexes for the reads every User response makes (issue 3; checked by UserIndexUsageIT on
-- MariaDB). Conventions as in V1__foundation.sql.

-- A user's groups (the read-only "groups" attribute of every User response) are found by
-- member_id alone; ix_group_member_member leads with tenant_id, so without this index each GET
-- of a user scanned every membership of the installation.
CREATE INDEX ix_group_member_member_id ON group_member (member_id);

-- filter=emails.value eq "…" is a correlated EXISTS on user_email keyed by the user, with no
-- tenant_id of its own, so ix_user_email_value (tenant_id, value_ci) cannot serve it and the
-- tenant's users were scanned one by one. With value_ci leading, the database finds the few
-- matching addresses first and joins their users by primary key.
CREATE INDEX ix_user_email_value_ci ON user_email (value_ci);

-- Every list counts the tenant's visible users (totalResults) and an unfiltered cursor page reads
-- them in id order. Both tests (retained, deleted_at) are in the index, so the count is read from
-- the index alone instead of from every row with its JSON, and a page is a range of it.
CREATE INDEX ix_user_visible ON scim_user (tenant_id, retained, deleted_at, id);
