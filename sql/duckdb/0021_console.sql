-- Issue 18 item 2: each analyst's SQL console queries (dashboard page /truy-van), read back only by the user who ran them
-- (warehouse/Querying/QueryHistoryStore.cs). Kept in etl, which the console itself cannot read, so no query reaches
-- another user's history. outcome: ok | refused | timeout | cancelled | error. Same table on SQL Server.
CREATE SEQUENCE IF NOT EXISTS etl.seq_console_query START 1;

CREATE TABLE IF NOT EXISTS etl.console_query (
    query_id     BIGINT     NOT NULL PRIMARY KEY,
    user_name    VARCHAR    NOT NULL,
    ran_at       TIMESTAMP  NOT NULL,
    sql_text     VARCHAR    NOT NULL,
    row_count    INTEGER    NOT NULL,
    duration_ms  INTEGER    NOT NULL,
    outcome      VARCHAR    NOT NULL CHECK (outcome IN ('ok', 'refused', 'timeout', 'cancelled', 'error')),
    message      VARCHAR
);

-- No index: DuckDB's zone maps serve a user's history, and the warehouse declares no ART index (see EngineMeaningScriptTests).
