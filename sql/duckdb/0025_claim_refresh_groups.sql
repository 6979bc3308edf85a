-- Issue 17 item 6: work table of a claims load (empty between loads). The (month, facility) groups a file changed — those
-- of the claims it kept and of the versions it replaced — are written here once inside the load's transaction; the
-- monthly aggregate and the facility-month profiles are rebuilt for those groups only (etl/Loading/ClaimAggregates.cs), the
-- claims-derived indicators for the units holding their facilities (etl/Loading/ClaimIndicatorDeriver.cs).
-- Same tables on SQL Server (sql/sqlserver/0025_claim_refresh_groups.sql).
CREATE TABLE IF NOT EXISTS etl.claim_refresh_group (
    submission_id  BIGINT       NOT NULL,
    month_key      INTEGER      NOT NULL,
    facility_code  VARCHAR(20)  NOT NULL
);

-- The distinct cards of each such group, counted once for both aggregates: all cards, the cards resident outside the
-- facility's province, and the cards with a claim of each visit type (the patients of the monthly aggregate's rows).
CREATE TABLE IF NOT EXISTS etl.claim_refresh_cards (
    submission_id          BIGINT       NOT NULL,
    month_key              INTEGER      NOT NULL,
    facility_key           INTEGER,
    facility_code          VARCHAR(20)  NOT NULL,
    cards                  BIGINT       NOT NULL,
    out_of_province_cards  BIGINT       NOT NULL,
    exam_patients          BIGINT       NOT NULL,
    outpatient_patients    BIGINT       NOT NULL,
    inpatient_patients     BIGINT       NOT NULL
);
