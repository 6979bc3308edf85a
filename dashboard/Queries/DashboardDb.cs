using System.Data.Common;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Dashboard.Queries;

/// <summary>
/// The pages' only way to the warehouse: parameterised SELECTs over the <c>rpt</c> views, mapped row by row.
/// Values come back as the engine types them (DuckDB DATE as DateOnly, DECIMAL as decimal…); the readers below
/// normalise them so the same code runs on both engines.
/// </summary>
public sealed class DashboardDb(IWarehouseEngine engine)
{
    public IWarehouseEngine Engine => engine;

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var connection = await engine.OpenAsync(ct);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(engine.Sql(sql), parameters, cancellationToken: ct));
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>The row cap after ORDER BY in the engine's dialect.</summary>
    public string Limit(int rows) => engine.Name == "sqlserver"
        ? $"OFFSET 0 ROWS FETCH NEXT {rows:D} ROWS ONLY"
        : $"LIMIT {rows:D}";

    public static DateTime Date(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        DateTimeOffset o => o.DateTime,
        var other => Convert.ToDateTime(other.ToString(), System.Globalization.CultureInfo.InvariantCulture),
    };

    public static DateTime? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Date(reader, ordinal);

    // DuckDB sums BIGINT into HUGEINT, which arrives as BigInteger (not IConvertible).
    public static double Number(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger big => (double)big,
        var value => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static double? NullableNumber(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Number(reader, ordinal);

    public static long Integer(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger big => (long)big,
        var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
