-- Conformed dimensions of the BHYT warehouse (SQL Server). Mirrors sql/duckdb/0001_dimensions.sql.
IF SCHEMA_ID(N'dw') IS NULL EXEC(N'CREATE SCHEMA dw');
IF SCHEMA_ID(N'etl') IS NULL EXEC(N'CREATE SCHEMA etl');
IF SCHEMA_ID(N'rpt') IS NULL EXEC(N'CREATE SCHEMA rpt');
GO
IF OBJECT_ID(N'dw.seq_unit', N'SO') IS NULL CREATE SEQUENCE dw.seq_unit AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_period', N'SO') IS NULL CREATE SEQUENCE dw.seq_period AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_indicator', N'SO') IS NULL CREATE SEQUENCE dw.seq_indicator AS BIGINT START WITH 1;
IF OBJECT_ID(N'dw.seq_facility', N'SO') IS NULL CREATE SEQUENCE dw.seq_facility AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'dw.dim_unit', N'U') IS NULL
CREATE TABLE dw.dim_unit (
    unit_key      INT           NOT NULL CONSTRAINT pk_dim_unit PRIMARY KEY,
    unit_code     VARCHAR(10)   NOT NULL,
    level         VARCHAR(10)   NOT NULL CONSTRAINT ck_dim_unit_level CHECK (level IN ('country', 'province', 'district', 'commune')),
    name          NVARCHAR(200) NOT NULL,
    short_name    NVARCHAR(200) NOT NULL,
    unit_type     NVARCHAR(30)  NOT NULL,
    parent_key    INT           NULL,
    parent_code   VARCHAR(10)   NULL,
    province_code VARCHAR(10)   NULL,
    boundary_set  VARCHAR(10)   NOT NULL CONSTRAINT ck_dim_unit_boundary CHECK (boundary_set IN ('national', 'pre2025', 'post2025')),
    valid_from    DATE          NOT NULL,
    valid_to      DATE          NULL,
    source        NVARCHAR(200) NOT NULL,
    CONSTRAINT uq_dim_unit_code UNIQUE (unit_code, valid_from)
);
GO
IF OBJECT_ID(N'dw.unit_succession', N'U') IS NULL
CREATE TABLE dw.unit_succession (
    old_unit_key INT          NOT NULL,
    new_unit_key INT          NOT NULL,
    merge_type   VARCHAR(10)  NOT NULL CONSTRAINT ck_unit_succession_type CHECK (merge_type IN ('full', 'partial')),
    weight       DECIMAL(9,6) NOT NULL CONSTRAINT ck_unit_succession_weight CHECK (weight > 0 AND weight <= 1),
    weight_basis VARCHAR(20)  NOT NULL,
    CONSTRAINT pk_unit_succession PRIMARY KEY (old_unit_key, new_unit_key)
);
GO
IF OBJECT_ID(N'dw.dim_period', N'U') IS NULL
CREATE TABLE dw.dim_period (
    period_key    INT          NOT NULL CONSTRAINT pk_dim_period PRIMARY KEY,
    label         VARCHAR(30)  NOT NULL CONSTRAINT uq_dim_period_label UNIQUE,
    kind          VARCHAR(10)  NOT NULL CONSTRAINT ck_dim_period_kind CHECK (kind IN ('year', 'quarter', 'month', 'date', 'range')),
    label_vi      NVARCHAR(60) NOT NULL,
    start_date    DATE         NOT NULL,
    end_date      DATE         NOT NULL,
    year          INT          NOT NULL,
    quarter       INT          NULL,
    month         INT          NULL,
    day           INT          NULL,
    years_spanned INT          NOT NULL,
    CONSTRAINT ck_dim_period_range CHECK (start_date <= end_date)
);
GO
IF OBJECT_ID(N'dw.dim_indicator', N'U') IS NULL
CREATE TABLE dw.dim_indicator (
    indicator_key INT           NOT NULL CONSTRAINT pk_dim_indicator PRIMARY KEY,
    code          VARCHAR(60)   NOT NULL CONSTRAINT uq_dim_indicator_code UNIQUE,
    annex         INT           NOT NULL,
    topic         VARCHAR(30)   NOT NULL,
    name_vi       NVARCHAR(300) NOT NULL,
    name_en       NVARCHAR(300) NOT NULL,
    unit          VARCHAR(20)   NOT NULL,
    measure       VARCHAR(10)   NOT NULL CONSTRAINT ck_dim_indicator_measure CHECK (measure IN ('stock', 'flow', 'ratio')),
    sum_of        VARCHAR(600)  NULL
);
GO
IF OBJECT_ID(N'dw.dim_facility', N'U') IS NULL
CREATE TABLE dw.dim_facility (
    facility_key  INT           NOT NULL CONSTRAINT pk_dim_facility PRIMARY KEY,
    facility_code VARCHAR(20)   NOT NULL CONSTRAINT uq_dim_facility_code UNIQUE,
    name          NVARCHAR(300) NOT NULL,
    tier          INT           NOT NULL CONSTRAINT ck_dim_facility_tier CHECK (tier BETWEEN 1 AND 4),
    ownership     VARCHAR(10)   NOT NULL CONSTRAINT ck_dim_facility_ownership CHECK (ownership IN ('public', 'private')),
    unit_key      INT           NULL,
    unit_code     VARCHAR(10)   NULL,
    province_code VARCHAR(10)   NULL,
    submission_id BIGINT        NULL
);
GO
