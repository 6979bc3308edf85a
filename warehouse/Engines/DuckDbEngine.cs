using System.Data.Common;
using Bhyt.Warehouse.Querying;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Warehouse.Engines;

/// <summary>The embedded engine: one DuckDB file. Bulk loads go through DuckDB's Appender.</summary>
public sealed class DuckDbEngine(WarehouseTarget target) : IWarehouseEngine
{
    // Settings of the analysts' connection: no writes to the file, no access to the host (COPY, ATTACH,
    // INSTALL/LOAD, read_csv ...), and no way to change either from inside the session.
    private const string ReadOnlySettings = "ACCESS_MODE=READ_ONLY;enable_external_access=false;lock_configuration=true";

    public string Name => "duckdb";

    public WarehouseTarget Target { get; } = target;

    public string FilePath => Target.Value;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        return await OpenWaitingForLockAsync($"Data Source={FilePath};memory_limit={MemoryLimit}", ct);
    }

    /// <summary>How long an open waits for another process to release the file (<c>BHYT_LOCK_WAIT_SECONDS</c>, default 10).</summary>
    private static TimeSpan LockWait => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("BHYT_LOCK_WAIT_SECONDS"), out var seconds) && seconds >= 0 ? seconds : 10);

    /// <summary>
    /// Opens the file; while another process holds its lock (a dashboard between queries releases it within seconds,
    /// an idle one after two minutes), retries for <see cref="LockWait"/>, then says who to ask.
    /// </summary>
    private async Task<DbConnection> OpenWaitingForLockAsync(string connectionString, CancellationToken ct)
    {
        DbConnection? opened = null;
        await WaitingForLockAsync(async () =>
        {
            var connection = new DuckDBConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct);
                opened = connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }, ct);
        return opened!;
    }

    /// <summary>Runs <paramref name="open"/> (an open or an ATTACH of the file) until the file's lock is free or <see cref="LockWait"/> has passed.</summary>
    private async Task WaitingForLockAsync(Func<Task> open, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await open();
                return;
            }
            catch (DuckDBException e) when (e.Message.Contains("Could not set lock", StringComparison.Ordinal))
            {
                if (clock.Elapsed >= LockWait) throw new WarehouseBusyException(FilePath, clock.Elapsed, e);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
            }
        }
    }

    /// <summary>
    /// DuckDB's own memory budget (default 80 % of RAM) made a 3-million-claim load peak at 1.8 GiB; with a budget the
    /// engine spills to disk instead. <c>BHYT_DUCKDB_MEMORY_LIMIT</c> overrides the default of 512MB.
    /// </summary>
    private static string MemoryLimit => Environment.GetEnvironmentVariable("BHYT_DUCKDB_MEMORY_LIMIT") is { Length: > 0 } limit ? limit : "512MB";

    public async Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct)
    {
        if (!File.Exists(FilePath)) throw new WarehouseNotFoundException(Target);
        return await OpenWaitingForLockAsync($"Data Source={FilePath};{ReadOnlySettings}", ct);
    }

    /// <summary>
    /// A private in-memory session over the file attached read-only, showing only the <c>rpt</c> views filtered to
    /// <paramref name="scope"/>, with host access and configuration locked (see <see cref="DuckDbRptSession"/>).
    /// </summary>
    public async Task<DbConnection> OpenRptReaderAsync(RptScope scope, CancellationToken ct)
    {
        if (!File.Exists(FilePath)) throw new WarehouseNotFoundException(Target);
        return await DuckDbRptSession.OpenAsync(FilePath, scope, MemoryLimit, WaitingForLockAsync, ct);
    }

    public Task<IReadOnlyList<RptColumn>> RptColumnsAsync(DbConnection rptConnection, CancellationToken ct) =>
        DuckDbRptSession.ColumnsAsync(rptConnection, ct);

    public string Sql(string sql) => DuckDbParameterSyntax.Translate(sql);

    public IEnumerable<string> SplitBatches(string script) => [script];

    public async Task<long> ReserveKeysAsync(DbConnection connection, DbTransaction transaction, string sequence,
        int count, CancellationToken ct)
    {
        if (count <= 0) return 0;
        var range = await connection.QuerySingleAsync<(long First, long Last)>(new CommandDefinition(
            $"SELECT min(k), max(k) FROM (SELECT nextval('{sequence}') AS k FROM range({count}))",
            transaction: transaction, cancellationToken: ct));
        if (range.Last - range.First + 1 != count)
            throw new InvalidOperationException($"Sequence {sequence} returned a non-contiguous range; another writer is active.");
        return range.First;
    }

    public async Task<long> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var (schema, name) = SplitTableName(table);
        var tableColumns = await TableColumnsAsync(connection, transaction, schema, name, ct);
        var positions = tableColumns.Select(c => IndexOf(columns, c)).ToArray();
        foreach (var column in columns.Where(c => !tableColumns.Contains(c, StringComparer.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"Table {table} has no column {column}.");

        long written = 0;
        using var appender = ((DuckDBConnection)connection).CreateAppender(schema, name);
        foreach (var row in rows)
        {
            var appenderRow = appender.CreateRow();
            foreach (var position in positions)
                DuckDbValues.Append(appenderRow, position < 0 ? null : row[position]);
            appenderRow.EndRow();
            if (++written % 65_536 == 0) ct.ThrowIfCancellationRequested();
        }
        appender.Close();
        return written;
    }

    public async Task<long> BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> columns, IAsyncEnumerable<IBulkBatch> batches, CancellationToken ct)
    {
        var (schema, name) = SplitTableName(table);
        var tableColumns = await TableColumnsAsync(connection, transaction, schema, name, ct);
        if (!tableColumns.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
            throw new InvalidOperationException($"A typed load into {table} must name all its columns in table order ({string.Join(", ", tableColumns)}).");

        long written = 0;
        var row = new DuckDbBulkRow();
        using var appender = ((DuckDBConnection)connection).CreateAppender(schema, name);
        await foreach (var batch in batches.WithCancellation(ct))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                row.Row = appender.CreateRow();
                batch.Write(i, row);
                row.Row.EndRow();
            }
            written += batch.Count;
        }
        appender.Close();
        return written;
    }

    public Task EnsureReadOnlyAsync(DbConnection readOnlyConnection, string sql, CancellationToken ct) =>
        DuckDbQueryGuard.EnsureReadOnlyAsync(readOnlyConnection, sql, QueryReach.AllSchemas, ct);

    public Task EnsureRptOnlyAsync(DbConnection rptConnection, string sql, CancellationToken ct) =>
        DuckDbQueryGuard.EnsureReadOnlyAsync(rptConnection, sql, QueryReach.RptOnly, ct);

    public DbCommand CreateQueryCommand(DbConnection connection, string sql, TimeSpan timeout) =>
        new DuckDbTimedCommand(sql, (DuckDBConnection)connection, timeout);

    public bool IsTimeout(Exception exception) => exception is DuckDbTimedCommand.QueryTimedOutException;

    public string RowLimit(int rows) => $"LIMIT {CheckedRows(rows):D}";

    public string DaysBetween(string from, string to) => $"date_diff('day', {from}, {to})";

    public string NaturalLog(string value) => $"ln({value})";

    public string CompactKey(string text) => $"hash({text})";

    public Task BackupAsync(string file, CancellationToken ct) => DuckDbBackup.BackupAsync(this, file, ct);

    public Task RestoreAsync(string file, CancellationToken ct) => DuckDbBackup.RestoreAsync(this, file, ct);

    public bool KeepInstanceBetweenQueries => true;

    public (string Begin, string End) ReadOnlyScope => ("BEGIN TRANSACTION READ ONLY", "ROLLBACK");

    public bool IsPermissionDenied(Exception exception) =>
        exception is DuckDBException e && (e.Message.StartsWith("Permission Error", StringComparison.Ordinal)
                                           || e.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase));

    private static int CheckedRows(int rows) =>
        rows >= 1 ? rows : throw new ArgumentOutOfRangeException(nameof(rows), rows, "A row cap must be at least 1.");

    private static async Task<List<string>> TableColumnsAsync(DbConnection connection, DbTransaction transaction, string schema, string name,
        CancellationToken ct)
    {
        var columns = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = $schema AND table_name = $name ORDER BY ordinal_position",
            new { schema, name }, transaction, cancellationToken: ct))).ToList();
        return columns.Count > 0 ? columns : throw new InvalidOperationException($"Table {schema}.{name} does not exist.");
    }

    private static (string Schema, string Name) SplitTableName(string table)
    {
        var dot = table.IndexOf('.');
        return dot < 0 ? ("main", table) : (table[..dot], table[(dot + 1)..]);
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
