-- A row generator for reading a user's licenses, roles and groups in the statement that reads the
-- user (users.UserAccess.JOIN): one row per kind, each left-joined to the rows of its own kind only,
-- so a point read is one round trip whatever the user holds. Constant: no code writes to it.
CREATE TABLE user_access_kind (
  kind CHAR(1) NOT NULL PRIMARY KEY
) ${table_options};

INSERT INTO user_access_kind (kind) VALUES ('L'), ('R'), ('G');
