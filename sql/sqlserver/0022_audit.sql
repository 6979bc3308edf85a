-- Issue 18 item 4 (SQL Server): the audit log. Mirrors sql/duckdb/0022_audit.sql; occurred_at is UTC.
-- Append-only here by trigger: no UPDATE ever, and DELETE (the retention purge, etl/Audit/AuditRetention.cs) only of events
-- older than AuditRetention.MinimumDays (30). TRUNCATE and DISABLE TRIGGER need ALTER on the table: grant it to no
-- application login. rpt.audit is for administrators only: grant SELECT on it to no reader or console role.
IF OBJECT_ID(N'etl.seq_audit_event', N'SO') IS NULL CREATE SEQUENCE etl.seq_audit_event AS BIGINT START WITH 1;
GO
IF OBJECT_ID(N'etl.audit_event', N'U') IS NULL
CREATE TABLE etl.audit_event (
    event_id       BIGINT         NOT NULL CONSTRAINT df_audit_event_id DEFAULT (NEXT VALUE FOR etl.seq_audit_event)
                                           CONSTRAINT pk_audit_event PRIMARY KEY,
    occurred_at    DATETIME2(3)   NOT NULL,
    channel        NVARCHAR(20)   NOT NULL,
    user_name      NVARCHAR(128)  NOT NULL,
    user_role      NVARCHAR(20)   NULL,
    action         NVARCHAR(40)   NOT NULL,
    outcome        NVARCHAR(20)   NOT NULL,
    subject        NVARCHAR(400)  NULL,
    detail         NVARCHAR(MAX)  NULL,
    client_address NVARCHAR(64)   NULL,
    row_count      BIGINT         NULL,
    duration_ms    BIGINT         NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_event_occurred_at' AND object_id = OBJECT_ID(N'etl.audit_event'))
CREATE INDEX ix_audit_event_occurred_at ON etl.audit_event (occurred_at);
GO
CREATE OR ALTER TRIGGER etl.tr_audit_event_append_only ON etl.audit_event
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
        THROW 51022, N'etl.audit_event is append-only: an audit event is never changed.', 1;
    IF EXISTS (SELECT 1 FROM deleted WHERE occurred_at >= DATEADD(DAY, -30, SYSUTCDATETIME()))
        THROW 51022, N'etl.audit_event keeps every event at least 30 days: only older events may be purged.', 1;
    -- An INSTEAD OF trigger's own DELETE on its table does not fire it again.
    DELETE e FROM etl.audit_event AS e WHERE EXISTS (SELECT 1 FROM deleted AS d WHERE d.event_id = e.event_id);
END;
GO
CREATE OR ALTER VIEW rpt.audit AS
SELECT event_id, occurred_at, channel, user_name, user_role, action, outcome, subject, detail, client_address, row_count, duration_ms
FROM etl.audit_event;
GO
-- The analysts' reader role reads the whole rpt schema (0007), and the console's login is a member: not this view. A
-- DENY on the view outweighs the GRANT on its schema; administrators read the log on the dashboard's Nhật ký page.
IF DATABASE_PRINCIPAL_ID(N'bhyt_rpt_reader') IS NOT NULL DENY SELECT ON rpt.audit TO bhyt_rpt_reader;
GO
IF DATABASE_PRINCIPAL_ID(N'bhyt_console_user') IS NOT NULL DENY SELECT ON rpt.audit TO bhyt_console_user;
GO
