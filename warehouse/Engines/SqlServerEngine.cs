using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;

namespace Bhyt.Warehouse.Engines;

/// <summary>The production engine: SQL Server through Microsoft.Data.SqlClient, bulk loads with SqlBulkCopy.</summary>
public sealed partial class SqlServerEngine(WarehouseTarget target) : IWarehouseEngine
{
    private const int BulkBatchRows = 50_000;

    public string Name => "sqlserver";

    public WarehouseTarget Target { get; } = target;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqlConnection(Target.Value);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct)
    {
        var builder = new SqlConnectionStringBuilder(Target.Value) { ApplicationIntent = ApplicationIntent.ReadOnly };
        var connection = new SqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public string Sql(string sql) => sql;

    public IEnumerable<string> SplitBatches(string script) =>
        GoSeparator().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch));

    public async Task<long> ReserveKeysAsync(DbConnection connection, DbTransaction transaction, string sequence,
        int count, CancellationToken ct)
    {
        if (count <= 0) return 0;
        await using var command = new SqlCommand("sys.sp_sequence_get_range", (SqlConnection)connection, (SqlTransaction)transaction)
        {
            CommandType = CommandType.StoredProcedure,
        };
        command.Parameters.AddWithValue("@sequence_name", sequence);
        command.Parameters.AddWithValue("@range_size", (long)count);
        var first = command.Parameters.Add("@range_first_value", SqlDbType.Variant);
        first.Direction = ParameterDirection.Output;
        await command.ExecuteNonQueryAsync(ct);
        return Convert.ToInt64(first.Value);
    }

    public async Task<long> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction)transaction)
        {
            DestinationTableName = table,
            BatchSize = BulkBatchRows,
            BulkCopyTimeout = 0,
        };
        foreach (var column in columns) bulk.ColumnMappings.Add(column, column);

        long written = 0;
        foreach (var batch in rows.Chunk(BulkBatchRows))
        {
            await bulk.WriteToServerAsync(ToDataTable(columns, batch), ct);
            written += batch.Length;
        }
        return written;
    }

    public async Task<long> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IAsyncEnumerable<IBulkBatch> batches, CancellationToken ct)
    {
        // SqlBulkCopy takes objects: the typed rows are boxed here and loaded like any other bulk insert.
        var rows = new List<object?[]>();
        var row = new BoxedBulkRow(columns.Count);
        long written = 0;
        await foreach (var batch in batches.WithCancellation(ct))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                batch.Write(i, row);
                rows.Add(row.Take());
            }
            if (rows.Count < BulkBatchRows) continue;
            written += await BulkInsertAsync(connection, transaction, table, columns, rows, ct);
            rows.Clear();
        }
        return written + (rows.Count > 0 ? await BulkInsertAsync(connection, transaction, table, columns, rows, ct) : 0);
    }

    public Task EnsureReadOnlyAsync(DbConnection readOnlyConnection, string sql, CancellationToken ct)
    {
        SqlServerQueryGuard.EnsureReadOnly(sql);
        return Task.CompletedTask;
    }

    public DbCommand CreateQueryCommand(DbConnection connection, string sql, TimeSpan timeout) =>
        new SqlCommand(sql, (SqlConnection)connection) { CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)) };

    public (string Begin, string End) ReadOnlyScope =>
        ("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; BEGIN TRANSACTION;", "IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;");

    // 229/230: permission denied on object/column; 262: permission denied in database; 3906: database is read-only.
    public bool IsPermissionDenied(Exception exception) =>
        exception is SqlException e && e.Errors.Cast<SqlError>().Any(error => error.Number is 229 or 230 or 262 or 3906);

    private static DataTable ToDataTable(IReadOnlyList<string> columns, object?[][] rows)
    {
        var table = new DataTable();
        for (var c = 0; c < columns.Count; c++)
        {
            var type = rows.Select(r => r[c]).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string);
            table.Columns.Add(columns[c], type == typeof(DateOnly) ? typeof(DateTime) : type);
        }
        foreach (var row in rows)
            table.Rows.Add(row.Select(v => v switch { null => DBNull.Value, DateOnly d => d.ToDateTime(TimeOnly.MinValue), _ => v }).ToArray());
        return table;
    }

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();
}
