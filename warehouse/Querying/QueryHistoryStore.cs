using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Warehouse.Querying;

/// <summary>
/// Each user's console queries in <c>etl.console_query</c> (outside <c>rpt</c>, so no console query can read it); read
/// back only for the user who ran them. Outcomes: ok, refused, timeout, cancelled, error.
/// </summary>
public sealed class QueryHistoryStore(IWarehouseEngine engine)
{
    /// <summary>The longest query text kept (a pasted script is cut, not refused).</summary>
    public const int MaxSqlLength = 20_000;

    public async Task SaveAsync(string userName, DateTime ranAt, string sql, int rows, TimeSpan duration, string outcome, string? message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var connection = await engine.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await engine.ReserveKeysAsync(connection, transaction, "etl.seq_console_query", 1, ct);
        await connection.ExecuteAsync(new CommandDefinition(engine.Sql("""
            INSERT INTO etl.console_query (query_id, user_name, ran_at, sql_text, row_count, duration_ms, outcome, message)
            VALUES (@id, @userName, @ranAt, @sql, @rows, @durationMs, @outcome, @message)
            """), new
        {
            id, userName, ranAt, sql = sql.Length > MaxSqlLength ? sql[..MaxSqlLength] : sql, rows,
            durationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds), outcome,
            message = message is { Length: > 1000 } ? message[..1000] : message,
        }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>The user's latest <paramref name="count"/> queries, newest first.</summary>
    public async Task<IReadOnlyList<QueryHistoryEntry>> ForUserAsync(string userName, int count, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, DateTime RanAt, string Sql, int Rows, int DurationMs, string Outcome, string? Message)>(
            new CommandDefinition(engine.Sql($"""
                SELECT query_id, ran_at, sql_text, row_count, duration_ms, outcome, message
                FROM etl.console_query
                WHERE user_name = @userName
                ORDER BY ran_at DESC, query_id DESC
                {engine.RowLimit(Math.Max(1, count))}
                """), new { userName }, cancellationToken: ct));
        return rows.Select(r => new QueryHistoryEntry(r.Id, r.RanAt, r.Sql, r.Rows, r.DurationMs, r.Outcome, r.Message)).ToList();
    }
}
