using System.Reflection;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// Backup and restore on SQL Server, by the scripts of <c>sql/operations/sqlserver/</c> (which a DBA can also run by
/// hand): <c>BACKUP DATABASE … WITH COPY_ONLY, CHECKSUM</c> while the warehouse is in use, and <c>RESTORE DATABASE</c> as
/// a new database (the target's <c>Initial Catalog</c>) with its files in the instance's default folders. Backup files
/// are paths on the database server, which reads and writes them under its own service account.
/// </summary>
internal static class SqlServerBackup
{
    public const string BackupScript = "sql/operations/sqlserver/backup_copy_only.sql";
    public const string RestoreScript = "sql/operations/sqlserver/restore_as_new.sql";

    public static async Task BackupAsync(SqlServerEngine engine, string file, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Script(BackupScript), new { file }, commandTimeout: 0, cancellationToken: ct));
    }

    public static async Task RestoreAsync(SqlServerEngine engine, string file, CancellationToken ct)
    {
        var target = new SqlConnectionStringBuilder(engine.Target.Value);
        if (string.IsNullOrWhiteSpace(target.InitialCatalog))
            throw new ArgumentException("Chuỗi kết nối đích cần Initial Catalog (tên cơ sở dữ liệu mới). [restore.target_name]");
        var database = target.InitialCatalog;
        target.InitialCatalog = "master";
        await using var connection = new SqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Script(RestoreScript), new { file, database }, commandTimeout: 0, cancellationToken: ct));
    }

    public static string Script(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"Missing embedded script {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
