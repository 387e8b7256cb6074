-- Runs once, when the compose database volume is created (postgres image's initdb hook), as
-- the superuser. Two roles, as docs/operations/guide.md ("Roles") prescribes:
--   lotse_owner  owns the database and its schema; only the migration step connects as it.
--   lotse_app    the app's role: no ownership, no CREATE; the migration step grants it exactly
--                what the app needs (src/database/app-role.ts).
-- The passwords are for a throwaway local trial; a real deployment sets its own.
CREATE ROLE lotse_owner LOGIN PASSWORD 'lotse-owner-local-trial';
CREATE ROLE lotse_app LOGIN PASSWORD 'lotse-app-local-trial';
CREATE DATABASE lotse OWNER lotse_owner;
REVOKE ALL ON DATABASE lotse FROM PUBLIC;
GRANT CONNECT ON DATABASE lotse TO lotse_app;
