-- Bootstrap, run before every migration pass (idempotent): the table that records applied migrations.
CREATE SCHEMA IF NOT EXISTS etl;
CREATE TABLE IF NOT EXISTS etl.schema_version (
    version    INTEGER      NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    checksum   VARCHAR(64)  NOT NULL,
    applied_at TIMESTAMP    NOT NULL
);
