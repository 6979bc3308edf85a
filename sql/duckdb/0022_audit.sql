-- Issue 18 item 4: the audit log. Who did what, when, from where, and how it ended: sign-ins (failures with the address),
-- sign-outs, account and role changes, uploads and imports, console queries, exports, anomaly and alert reviews.
-- Append-only: the application's only writer is etl/Audit/AuditTrail.cs (INSERT), the only delete is the retention purge
-- (etl/Audit/AuditRetention.cs), which never removes an event younger than AuditRetention.MinimumDays (30). DuckDB has no
-- triggers or permissions to enforce this; SQL Server's trigger does (sql/sqlserver/0022_audit.sql).
-- occurred_at is UTC. rpt.audit is for administrators only: the dashboard shows it on Nhật ký (admins), and the analysts'
-- console must not offer it to other roles.
CREATE SEQUENCE IF NOT EXISTS etl.seq_audit_event START 1;

CREATE TABLE IF NOT EXISTS etl.audit_event (
    event_id       BIGINT    NOT NULL DEFAULT nextval('etl.seq_audit_event') PRIMARY KEY,
    occurred_at    TIMESTAMP NOT NULL,
    channel        VARCHAR   NOT NULL,
    user_name      VARCHAR   NOT NULL,
    user_role      VARCHAR,
    action         VARCHAR   NOT NULL,
    outcome        VARCHAR   NOT NULL,
    subject        VARCHAR,
    detail         VARCHAR,
    client_address VARCHAR,
    row_count      BIGINT,
    duration_ms    BIGINT
);

CREATE OR REPLACE VIEW rpt.audit AS
SELECT event_id, occurred_at, channel, user_name, user_role, action, outcome, subject, detail, client_address, row_count, duration_ms
FROM etl.audit_event;
