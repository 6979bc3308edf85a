using System.Data.Common;
using Bhyt.Warehouse.Querying;
using Dapper;
using DuckDB.NET.Data;

namespace Bhyt.Warehouse.Engines;

/// <summary>
/// The console's DuckDB session: a private in-memory database that attaches the warehouse file read-only under
/// <see cref="WarehouseCatalog"/> and shows, in its own schema <c>rpt</c>, one view per warehouse <c>rpt</c> view — filtered
/// to the analyst's unit scope (<see cref="RptViewScopes"/>). The analyst's default catalog is the in-memory one, where
/// <c>dw</c>, <c>etl</c> and the warehouse's own <c>rpt</c> do not exist: only a catalog-qualified name reaches the file,
/// and the guard refuses those. Host access and configuration are locked before the analyst's query runs.
/// </summary>
internal static class DuckDbRptSession
{
    /// <summary>The catalog name of the attached warehouse inside the session.</summary>
    public const string WarehouseCatalog = "bhyt_kho";

    private const string ScopeTable = "console_scope.unit";

    public static async Task<DbConnection> OpenAsync(string filePath, RptScope scope, string memoryLimit,
        Func<Func<Task>, CancellationToken, Task> waitingForLock, CancellationToken ct)
    {
        var connection = new DuckDBConnection($"Data Source=:memory:;memory_limit={memoryLimit}");
        try
        {
            await connection.OpenAsync(ct);
            await waitingForLock(() => ExecuteAsync(connection, $"ATTACH '{filePath.Replace("'", "''")}' AS {WarehouseCatalog} (READ_ONLY)", ct), ct);
            await WriteScopeAsync(connection, scope, ct);
            await ExecuteAsync(connection, "CREATE SCHEMA rpt", ct);
            foreach (var view in await WarehouseViewsAsync(connection, ct))
            {
                if (RptViewScopes.For(view) is not { } rule || !rule.IsVisibleTo(scope)) continue;
                await ExecuteAsync(connection, $"CREATE VIEW rpt.\"{view}\" AS SELECT * FROM {WarehouseCatalog}.rpt.\"{view}\"{Where(rule, scope)}", ct);
            }
            await ExecuteAsync(connection, "SET enable_external_access = false", ct);
            await ExecuteAsync(connection, "SET lock_configuration = true", ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The columns of the session's <c>rpt</c> views with the descriptions the warehouse's catalog keeps.</summary>
    public static async Task<IReadOnlyList<RptColumn>> ColumnsAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<(string View, string? ViewComment, string Column, string Type, string? Comment)>(new CommandDefinition($"""
            SELECT c.table_name, v.comment, c.column_name, c.data_type, w.comment
            FROM duckdb_columns() c
            LEFT JOIN duckdb_views() v
                   ON v.database_name = '{WarehouseCatalog}' AND v.schema_name = 'rpt' AND v.view_name = c.table_name
            LEFT JOIN duckdb_columns() w
                   ON w.database_name = '{WarehouseCatalog}' AND w.schema_name = 'rpt' AND w.table_name = c.table_name
                  AND w.column_name = c.column_name
            WHERE c.database_name = current_database() AND c.schema_name = 'rpt'
            ORDER BY c.table_name, c.column_index
            """, cancellationToken: ct)))
        .Select(r => new RptColumn(r.View, Blank(r.ViewComment), r.Column, r.Type, Blank(r.Comment))).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static async Task<List<string>> WarehouseViewsAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT view_name FROM duckdb_views() WHERE database_name = '{WarehouseCatalog}' AND schema_name = 'rpt' ORDER BY view_name",
            cancellationToken: ct))).ToList();

    /// <summary>The scope's unit codes in a session table the filtered views read (the analyst cannot: it is outside rpt).</summary>
    private static async Task WriteScopeAsync(DuckDBConnection connection, RptScope scope, CancellationToken ct)
    {
        if (scope.IsCountry) return;
        await ExecuteAsync(connection, "CREATE SCHEMA console_scope", ct);
        await ExecuteAsync(connection, $"CREATE TABLE {ScopeTable} (unit_code VARCHAR PRIMARY KEY)", ct);
        using var appender = connection.CreateAppender("console_scope", "unit");
        foreach (var code in scope.UnitCodes!) appender.CreateRow().AppendValue(code).EndRow();
    }

    private static string Where(RptViewScope rule, RptScope scope)
    {
        if (scope.IsCountry) return "";
        const string inScope = $"IN (SELECT unit_code FROM {ScopeTable})";
        return rule.Filter switch
        {
            RptViewFilter.Reference => "",
            RptViewFilter.Unit => $" WHERE \"{rule.Columns[0]}\" {inScope}",
            RptViewFilter.EitherUnit => $" WHERE \"{rule.Columns[0]}\" {inScope} OR \"{rule.Columns[1]}\" {inScope}",
            RptViewFilter.Facility => $" WHERE \"{rule.Columns[0]}\" IN (SELECT facility_code FROM {WarehouseCatalog}.dw.dim_facility " +
                                      $"WHERE unit_code {inScope} OR province_code {inScope})",
            RptViewFilter.Alert => $" WHERE \"{rule.Columns[0]}\" IN (SELECT alert_id FROM {WarehouseCatalog}.rpt.alerts WHERE unit_code {inScope})",
            _ => throw new InvalidOperationException($"View {rule.View} is not shown to a scoped session."),
        };
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
