#!/usr/bin/env bash
# Creates the login role portal_app and the database portal it owns.
# Run by the postgres image on the first start (empty data directory); safe to run again:
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/01-create-portal-database.sh
# A second run also resets portal_app's password to PORTAL_DB_PASSWORD.
set -eo pipefail

POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v portal_password="${PORTAL_DB_PASSWORD:-portal}" <<'EOSQL'
SELECT 'CREATE ROLE portal_app LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app')\gexec
ALTER ROLE portal_app WITH LOGIN PASSWORD :'portal_password';

SELECT 'CREATE DATABASE portal OWNER portal_app'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'portal')\gexec

\connect portal
-- PostgreSQL 15+ already denies this; stated so that nobody else can create objects here.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- portal_app owns the database (so, through pg_database_owner, the schema public) and
-- everything Flyway creates in it; the grants only make that explicit.
GRANT ALL ON DATABASE portal TO portal_app;
GRANT USAGE, CREATE ON SCHEMA public TO portal_app;
EOSQL
