-- Conformed dimensions of the BHYT warehouse (Kimball style, surrogate keys).
-- Keys are allocated from the sequences below by the loaders; nothing relies on column defaults.
CREATE SCHEMA IF NOT EXISTS dw;
CREATE SCHEMA IF NOT EXISTS etl;
CREATE SCHEMA IF NOT EXISTS rpt;

CREATE SEQUENCE IF NOT EXISTS dw.seq_unit START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_period START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_indicator START 1;
CREATE SEQUENCE IF NOT EXISTS dw.seq_facility START 1;

-- Administrative units of both boundary sets: pre-2025 (63 provinces, districts, communes) and
-- post-2025 (34 provinces, communes). Official GSO codes are reused across the reform, so the
-- natural key is (unit_code, valid_from).
CREATE TABLE IF NOT EXISTS dw.dim_unit (
    unit_key      INTEGER      NOT NULL PRIMARY KEY,
    unit_code     VARCHAR(10)  NOT NULL,
    level         VARCHAR(10)  NOT NULL CHECK (level IN ('country', 'province', 'district', 'commune')),
    name          VARCHAR(200) NOT NULL,
    short_name    VARCHAR(200) NOT NULL,
    unit_type     VARCHAR(30)  NOT NULL,
    parent_key    INTEGER,
    parent_code   VARCHAR(10),
    province_code VARCHAR(10),
    boundary_set  VARCHAR(10)  NOT NULL CHECK (boundary_set IN ('national', 'pre2025', 'post2025')),
    valid_from    DATE         NOT NULL,
    valid_to      DATE,
    source        VARCHAR(200) NOT NULL,
    UNIQUE (unit_code, valid_from)
);

-- Old (pre-2025) unit -> new unit(s) it went into. weight = share of the old unit assigned to the
-- new one; the weights of one old unit sum to 1. weight_basis says how the share was derived.
CREATE TABLE IF NOT EXISTS dw.unit_succession (
    old_unit_key INTEGER      NOT NULL,
    new_unit_key INTEGER      NOT NULL,
    merge_type   VARCHAR(10)  NOT NULL CHECK (merge_type IN ('full', 'partial')),
    weight       DECIMAL(9,6) NOT NULL CHECK (weight > 0 AND weight <= 1),
    weight_basis VARCHAR(20)  NOT NULL,
    PRIMARY KEY (old_unit_key, new_unit_key)
);

-- Periods as reported: years, quarters, months, dates and multi-year ranges, with a canonical label
-- (2021, 2021-Q3, 2021-07, 2021-07-24, 2009-2014).
CREATE TABLE IF NOT EXISTS dw.dim_period (
    period_key    INTEGER     NOT NULL PRIMARY KEY,
    label         VARCHAR(30) NOT NULL UNIQUE,
    kind          VARCHAR(10) NOT NULL CHECK (kind IN ('year', 'quarter', 'month', 'date', 'range')),
    label_vi      VARCHAR(60) NOT NULL,
    start_date    DATE        NOT NULL,
    end_date      DATE        NOT NULL,
    year          INTEGER     NOT NULL,
    quarter       INTEGER,
    month         INTEGER,
    day           INTEGER,
    years_spanned INTEGER     NOT NULL,
    CHECK (start_date <= end_date)
);

-- The indicator vocabulary (the project's own catalog, warehouse/Reference/indicators.csv).
CREATE TABLE IF NOT EXISTS dw.dim_indicator (
    indicator_key INTEGER      NOT NULL PRIMARY KEY,
    code          VARCHAR(60)  NOT NULL UNIQUE,
    annex         INTEGER      NOT NULL,
    topic         VARCHAR(30)  NOT NULL,
    name_vi       VARCHAR(300) NOT NULL,
    name_en       VARCHAR(300) NOT NULL,
    unit          VARCHAR(20)  NOT NULL,
    measure       VARCHAR(10)  NOT NULL CHECK (measure IN ('stock', 'flow', 'ratio')),
    sum_of        VARCHAR(600)
);

-- Contracted care facilities (cơ sở KCB). tier: 1 central, 2 province, 3 district, 4 commune.
CREATE TABLE IF NOT EXISTS dw.dim_facility (
    facility_key  INTEGER      NOT NULL PRIMARY KEY,
    facility_code VARCHAR(20)  NOT NULL UNIQUE,
    name          VARCHAR(300) NOT NULL,
    tier          INTEGER      NOT NULL CHECK (tier BETWEEN 1 AND 4),
    ownership     VARCHAR(10)  NOT NULL CHECK (ownership IN ('public', 'private')),
    unit_key      INTEGER,
    unit_code     VARCHAR(10),
    province_code VARCHAR(10),
    submission_id BIGINT
);
