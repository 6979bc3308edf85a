-- bhyt restore on SQL Server: restores a backup made by backup_copy_only.sql as a new database, never over an
-- existing one. Its data and log files go to the instance's default folders, named after the new database.
-- Parameters: @file (the backup, a path on the database server), @database (the new database's name).
-- Run in master. By hand: DECLARE @file nvarchar(4000) = N'D:\backup\bhyt.bak', @database sysname = N'bhyt_restored';
IF DB_ID(@database) IS NOT NULL
    THROW 50001, N'Cơ sở dữ liệu đích đã tồn tại: bhyt restore chỉ khôi phục vào một kho mới. [restore.target_exists]', 1;

-- RESTORE FILELISTONLY's columns as of SQL Server 2016 (unchanged through 2022).
DECLARE @files TABLE (
    LogicalName nvarchar(128), PhysicalName nvarchar(260), Type char(1), FileGroupName nvarchar(128) NULL,
    Size numeric(20, 0), MaxSize numeric(20, 0), FileId bigint, CreateLSN numeric(25, 0), DropLSN numeric(25, 0) NULL,
    UniqueId uniqueidentifier, ReadOnlyLSN numeric(25, 0) NULL, ReadWriteLSN numeric(25, 0) NULL, BackupSizeInBytes bigint,
    SourceBlockSize int, FileGroupId int, LogGroupGUID uniqueidentifier NULL, DifferentialBaseLSN numeric(25, 0) NULL,
    DifferentialBaseGUID uniqueidentifier NULL, IsReadOnly bit, IsPresent bit, TDEThumbprint varbinary(32) NULL,
    SnapshotUrl nvarchar(360) NULL);

INSERT INTO @files
EXEC sys.sp_executesql N'RESTORE FILELISTONLY FROM DISK = @file', N'@file nvarchar(4000)', @file = @file;

DECLARE @dataFolder nvarchar(4000) = CONVERT(nvarchar(4000), SERVERPROPERTY('InstanceDefaultDataPath'));
DECLARE @logFolder nvarchar(4000) = CONVERT(nvarchar(4000), SERVERPROPERTY('InstanceDefaultLogPath'));

DECLARE @moves nvarchar(max) = (
    SELECT STRING_AGG(CONVERT(nvarchar(max),
               N'MOVE N''' + REPLACE(LogicalName, N'''', N'''''') + N''' TO N'''
               + REPLACE(CASE WHEN Type = 'L' THEN @logFolder ELSE @dataFolder END + @database + N'_' + CONVERT(nvarchar(20), FileId)
                         + CASE WHEN Type = 'L' THEN N'.ldf' WHEN FileId = 1 THEN N'.mdf' ELSE N'.ndf' END, N'''', N'''''')
               + N''''), N', ') WITHIN GROUP (ORDER BY FileId)
    FROM @files);

DECLARE @restore nvarchar(max) =
    N'RESTORE DATABASE ' + QUOTENAME(@database) + N' FROM DISK = @file WITH CHECKSUM, RECOVERY, STATS = 10, ' + @moves + N';';

EXEC sys.sp_executesql @restore, N'@file nvarchar(4000)', @file = @file;
