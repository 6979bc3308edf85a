-- Bootstrap, run before every migration pass (idempotent): the table that records applied migrations.
IF SCHEMA_ID(N'etl') IS NULL EXEC(N'CREATE SCHEMA etl');
GO
IF OBJECT_ID(N'etl.schema_version', N'U') IS NULL
CREATE TABLE etl.schema_version (
    version    INT           NOT NULL CONSTRAINT pk_schema_version PRIMARY KEY,
    name       NVARCHAR(200) NOT NULL,
    checksum   CHAR(64)      NOT NULL,
    applied_at DATETIME2(3)  NOT NULL
);
GO
