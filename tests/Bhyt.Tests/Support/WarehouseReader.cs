using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Tests.Support;

/// <summary>Reads test expectations back from a real warehouse through the rpt views.</summary>
public static class WarehouseReader
{
    public static async Task<List<T>> QueryAsync<T>(this IWarehouseEngine engine, string sql, object? parameters = null)
    {
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(engine.Sql(sql), parameters)).ToList();
    }

    /// <summary>The current value of one figure, or null when nothing is stored.</summary>
    public static async Task<decimal?> ValueAsync(this IWarehouseEngine engine, string unitCode, string periodLabel, string indicator, string kind = "actual") =>
        (await engine.QueryAsync<decimal?>("""
            SELECT value FROM rpt.indicator_values
            WHERE unit_code = @unitCode AND period_label = @periodLabel AND indicator_code = @indicator AND value_kind = @kind
            """, new { unitCode, periodLabel, indicator, kind })).SingleOrDefault();
}
