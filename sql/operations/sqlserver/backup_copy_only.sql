-- bhyt backup on SQL Server: a full COPY_ONLY backup of the warehouse database, taken while it is in use.
-- COPY_ONLY leaves the DBA's own backup plan untouched (no new differential base, no break in the log chain); the
-- backup is consistent as of its end (SQL Server includes the log written during the copy). CHECKSUM validates every
-- page as it is read and RESTORE VERIFYONLY reads the written file back.
-- Parameter: @file, a path on the database server (not on the machine running bhyt), e.g. N'D:\backup\bhyt.bak'.
-- Run by hand (sqlcmd / SSMS, in the warehouse database): DECLARE @file nvarchar(4000) = N'D:\backup\bhyt.bak'; then this script.
DECLARE @database sysname = DB_NAME();

BACKUP DATABASE @database TO DISK = @file
    WITH COPY_ONLY, CHECKSUM, INIT, FORMAT, NAME = N'bhyt backup (copy-only)', STATS = 10;

RESTORE VERIFYONLY FROM DISK = @file WITH CHECKSUM;
