using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Bhyt.Warehouse.Querying;
using Microsoft.Data.SqlClient;

namespace Bhyt.Warehouse.Engines;

/// <summary>The production engine: SQL Server through Microsoft.Data.SqlClient, bulk loads with SqlBulkCopy.</summary>
/// <param name="target">The warehouse: the ETL's connection, which writes.</param>
/// <param name="readerConnectionString">
/// The analysts' connection (a login in the role <c>bhyt_rpt_reader</c>, which reads only <c>rpt</c>); when null the
/// read-only door uses <paramref name="target"/> and refuses if that login can do more than read <c>rpt</c>.
/// </param>
public sealed partial class SqlServerEngine(WarehouseTarget target, string? readerConnectionString) : IWarehouseEngine
{
    /// <summary>Environment variable holding the analysts' connection string.</summary>
    public const string ReaderEnvironmentVariable = "BHYT_SQLSERVER_READER";

    private const int BulkBatchRows = 50_000;

    /// <summary>The engine of <paramref name="target"/>, with the analysts' connection from <c>BHYT_SQLSERVER_READER</c>.</summary>
    public SqlServerEngine(WarehouseTarget target)
        : this(target, Environment.GetEnvironmentVariable(ReaderEnvironmentVariable) is { Length: > 0 } reader ? reader : null)
    {
    }

    public string Name => "sqlserver";

    public WarehouseTarget Target { get; } = target;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqlConnection(Target.Value);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// Opens the analysts' connection (<c>BHYT_SQLSERVER_READER</c>, else the warehouse's own) and refuses it with
    /// <see cref="QueryRefusedException"/> (<c>sql.reader_login</c>) when its login can write any warehouse schema or
    /// read <c>dw</c>/<c>etl</c> directly: the door promises the <c>rpt</c> views and nothing else.
    /// </summary>
    public async Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct)
    {
        var connection = new SqlConnection(ReadOnlyConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var excess = await SqlServerReaderLogin.ExcessPermissionsAsync(connection, ct);
            if (excess.Count > 0) throw SqlServerReaderLogin.Refusal(excess, readerConnectionString is not null);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The connection string of the read-only door: the analysts' login when configured, with read-only intent.</summary>
    internal string ReadOnlyConnectionString =>
        new SqlConnectionStringBuilder(readerConnectionString ?? Target.Value) { ApplicationIntent = ApplicationIntent.ReadOnly }.ConnectionString;

    /// <summary>
    /// The analysts' connection (<see cref="OpenReadOnlyAsync"/>) with the unit scope set read-only in
    /// <c>SESSION_CONTEXT(N'bhyt_unit_scope')</c> ('*' for the country): the row-level security of
    /// sql/sqlserver/0021_console.sql filters every table under the rpt views to the scope's subtree for members of
    /// <c>bhyt_console_user</c>.
    /// </summary>
    public async Task<DbConnection> OpenRptReaderAsync(RptScope scope, CancellationToken ct)
    {
        var connection = await OpenReadOnlyAsync(ct);
        try
        {
            await using var command = new SqlCommand(
                "EXEC sys.sp_set_session_context @key = N'bhyt_unit_scope', @value = @scope, @read_only = 1;", (SqlConnection)connection);
            command.Parameters.Add("@scope", SqlDbType.VarChar, 10).Value = scope.ScopeCode ?? "*";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task EnsureRptOnlyAsync(DbConnection rptConnection, string sql, CancellationToken ct)
    {
        SqlServerQueryGuard.EnsureReadOnly(sql, QueryReach.RptOnly);
        return Task.CompletedTask;
    }

    /// <summary>SQL of the rpt views' columns with their MS_Description extended properties.</summary>
    internal const string RptColumnsSql = """
        SELECT v.name AS view_name, CAST(vp.value AS NVARCHAR(4000)) AS view_description, c.name AS column_name,
               TYPE_NAME(c.user_type_id) AS data_type, CAST(cp.value AS NVARCHAR(4000)) AS column_description
        FROM sys.views v
        JOIN sys.columns c ON c.object_id = v.object_id
        LEFT JOIN sys.extended_properties vp ON vp.class = 1 AND vp.major_id = v.object_id AND vp.minor_id = 0 AND vp.name = N'MS_Description'
        LEFT JOIN sys.extended_properties cp ON cp.class = 1 AND cp.major_id = v.object_id AND cp.minor_id = c.column_id AND cp.name = N'MS_Description'
        WHERE v.schema_id = SCHEMA_ID(N'rpt')
        ORDER BY v.name, c.column_id;
        """;

    public async Task<IReadOnlyList<RptColumn>> RptColumnsAsync(DbConnection rptConnection, CancellationToken ct) =>
        (await Dapper.SqlMapper.QueryAsync<(string View, string? ViewDescription, string Column, string Type, string? Description)>(
            rptConnection, new Dapper.CommandDefinition(RptColumnsSql, cancellationToken: ct)))
        .Select(r => new RptColumn(r.View, r.ViewDescription, r.Column, r.Type, r.Description)).ToList();

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
        SqlServerQueryGuard.EnsureReadOnly(sql, QueryReach.AllSchemas);
        return Task.CompletedTask;
    }

    public DbCommand CreateQueryCommand(DbConnection connection, string sql, TimeSpan timeout) =>
        new SqlCommand(sql, (SqlConnection)connection) { CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)) };

    // -2 is SqlClient's "Execution Timeout Expired": the command's CommandTimeout ran out.
    public bool IsTimeout(Exception exception) =>
        exception is SqlException e && e.Errors.Cast<SqlError>().Any(error => error.Number == -2);

    // Snapshot isolation where the database allows it: the analyst reads one consistent state without taking shared
    // locks that would block a load; READ COMMITTED (row versions too, where READ_COMMITTED_SNAPSHOT is on) otherwise.
    // A SET run in an ad hoc batch (unlike one in a procedure) stays in force for the session, so it covers the query
    // that follows; documented behaviour, run here only by the SQL Server integration tests.
    public (string Begin, string End) ReadOnlyScope => ("""
        IF EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND snapshot_isolation_state = 1)
            SET TRANSACTION ISOLATION LEVEL SNAPSHOT;
        ELSE
            SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
        BEGIN TRANSACTION;
        """, "IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;");

    public string RowLimit(int rows) =>
        rows >= 1 ? $"OFFSET 0 ROWS FETCH NEXT {rows:D} ROWS ONLY" : throw new ArgumentOutOfRangeException(nameof(rows), rows, "A row cap must be at least 1.");

    public string DaysBetween(string from, string to) => $"DATEDIFF(day, {from}, {to})";

    public string NaturalLog(string value) => $"LOG({value})";

    public string CompactKey(string text) => text;

    public Task BackupAsync(string file, CancellationToken ct) => SqlServerBackup.BackupAsync(this, file, ct);

    public Task RestoreAsync(string file, CancellationToken ct) => SqlServerBackup.RestoreAsync(this, file, ct);

    public bool KeepInstanceBetweenQueries => false;

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
