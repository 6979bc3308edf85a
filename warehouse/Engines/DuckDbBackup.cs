using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Backup and restore of the embedded warehouse. DuckDB lets only one process open a file while it is written, so
/// a copy of the file's bytes is safe only with no writer anywhere, and a second process cannot open it at all while
/// the dashboard holds it. The backup is therefore taken by the process that has the file open, through its own
/// instance: the backup file is attached beside it and filled by <c>COPY FROM DATABASE</c> inside one transaction,
/// which reads one snapshot (loads running meanwhile commit after it and are not in the copy). Tables with their keys
/// and constraints, views, macros and sequences (at their next value) are copied; the file is complete when renamed
/// from <c>.partial</c> to its name.
/// </summary>
internal static class DuckDbBackup
{
    public static async Task BackupAsync(DuckDbEngine engine, string file, CancellationToken ct)
    {
        var destination = Path.GetFullPath(file);
        if (File.Exists(destination))
            throw new IOException($"Tệp sao lưu đã tồn tại: {destination}. Chọn tên khác (không ghi đè bản sao lưu cũ). [backup.exists]");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        DeleteWithWal(partial);

        var alias = "bhyt_backup_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = await engine.OpenAsync(ct))
        {
            var source = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT current_database()", cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition($"ATTACH {Literal(partial)} AS {alias}", cancellationToken: ct));
            try
            {
                await connection.ExecuteAsync(new CommandDefinition("BEGIN TRANSACTION", cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition($"COPY FROM DATABASE {Identifier(source!)} TO {alias}", commandTimeout: 0, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: ct));
            }
            catch
            {
                await connection.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: CancellationToken.None));
                await connection.ExecuteAsync(new CommandDefinition($"DETACH {alias}", cancellationToken: CancellationToken.None));
                DeleteWithWal(partial);
                throw;
            }
            await connection.ExecuteAsync(new CommandDefinition($"DETACH {alias}", cancellationToken: CancellationToken.None));
        }
        File.Move(partial, destination);
    }

    /// <summary>
    /// Restores a backup into a target that does not exist yet: the backup is copied beside the target, opened to prove
    /// it is a warehouse (it has <c>etl.schema_version</c>), then renamed into place.
    /// </summary>
    public static async Task RestoreAsync(DuckDbEngine engine, string file, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new FileNotFoundException($"Không thấy tệp sao lưu: {source}. [restore.missing]", source);
        var target = engine.FilePath;
        if (File.Exists(target))
            throw new IOException($"Kho đích đã tồn tại: {target}. bhyt restore chỉ khôi phục vào một kho mới. [restore.target_exists]");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        DeleteWithWal(partial);
        File.Copy(source, partial);
        try
        {
            await using var connection = new DuckDBConnection($"Data Source={partial}");
            await connection.OpenAsync(ct);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT max(version) FROM etl.schema_version", cancellationToken: ct));
        }
        catch (DuckDBException e)
        {
            DeleteWithWal(partial);
            throw new InvalidDataException($"{source} không phải bản sao lưu kho BHYT: {e.Message} [restore.not_a_backup]", e);
        }
        File.Move(partial, target);
    }

    private static void DeleteWithWal(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
