using System.Data.Common;
using System.Diagnostics;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Warehouse.Querying;

/// <summary>
/// The analysts' door into the warehouse: exactly one read-only query, proven by the engine's parser, run on a
/// read-only connection inside a transaction that is rolled back, with a timeout and a row cap.
/// </summary>
public sealed class ReadOnlyQueryRunner(IWarehouseEngine engine)
{
    /// <summary>
    /// The engine's command stops the query at the limit; this budget, a little longer, bounds the whole run where an
    /// engine counts its timeout per network read (SqlClient's CommandTimeout), so many slow reads cannot add up.
    /// </summary>
    private static readonly TimeSpan BudgetGrace = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="sql"/> over every schema the read-only connection can read (<c>bhyt sql --all-schemas</c>).</summary>
    public async Task<QueryResult> RunAsync(string sql, QueryLimits limits, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await engine.OpenReadOnlyAsync(ct);
        await engine.EnsureReadOnlyAsync(connection, sql, ct);
        return await ExecuteAsync(connection, sql, limits, clock, ct);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on a connection that shows only the <c>rpt</c> views, limited to <paramref name="scope"/>
    /// (the SQL console, <c>bhyt sql</c>); anything naming another schema is refused (<c>sql.rpt_only</c>).
    /// </summary>
    public async Task<QueryResult> RunRptAsync(string sql, RptScope scope, QueryLimits limits, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await engine.OpenRptReaderAsync(scope, ct);
        await engine.EnsureRptOnlyAsync(connection, sql, ct);
        return await ExecuteAsync(connection, sql, limits, clock, ct);
    }

    /// <summary>The columns of the <c>rpt</c> views a session limited to <paramref name="scope"/> shows, with their descriptions.</summary>
    public async Task<IReadOnlyList<RptColumn>> RptColumnsAsync(RptScope scope, CancellationToken ct)
    {
        await using var connection = await engine.OpenRptReaderAsync(scope, ct);
        return (await engine.RptColumnsAsync(connection, ct)).Where(c => RptViewScopes.IsVisible(c.View, scope)).ToList();
    }

    private async Task<QueryResult> ExecuteAsync(DbConnection connection, string sql, QueryLimits limits, Stopwatch clock, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(limits.Timeout + BudgetGrace);
        await ExecuteAsync(connection, engine.ReadOnlyScope.Begin, ct);
        try
        {
            await using var command = engine.CreateQueryCommand(connection, sql, limits.Timeout);
            await using var cancelOnBudget = budget.Token.Register(command.Cancel);
            await using var reader = await command.ExecuteReaderAsync(budget.Token);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            var truncated = false;
            while (await reader.ReadAsync(budget.Token))
            {
                if (rows.Count == limits.MaxRows)
                {
                    truncated = true;
                    break;
                }
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return new QueryResult(columns, rows, truncated, clock.Elapsed);
        }
        catch (Exception e) when (engine.IsPermissionDenied(e))
        {
            throw new QueryRefusedException("sql.permission", $"Kho dữ liệu từ chối thao tác: {FirstLine(e.Message)}");
        }
        catch (Exception e) when (!ct.IsCancellationRequested && (engine.IsTimeout(e) || budget.IsCancellationRequested) && e is not QueryRefusedException)
        {
            throw new QueryTimeoutException(limits.Timeout, e);
        }
        catch (DbException e)
        {
            throw new QueryFailedException(FirstLine(e.Message));
        }
        finally
        {
            await ExecuteAsync(connection, engine.ReadOnlyScope.End, CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
