using Bhyt.Warehouse.Queries;

namespace Bhyt.Etl.Detection.Coverage;

/// <summary>Reads current figures from <c>rpt.indicator_values</c> exactly as stored: nothing is re-derived here.</summary>
public static class StoredFigures
{
    /// <summary>The current figures of <paramref name="indicators"/> (catalog codes, constants of the caller).</summary>
    public static async Task<IReadOnlyList<StoredFigure>> ReadAsync(DetectionContext context, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        var codes = string.Join(", ", indicators.Select(c => $"'{c.Replace("'", "''", StringComparison.Ordinal)}'"));
        await using var command = context.Connection.CreateCommand();
        command.CommandText = context.Engine.Sql($"""
            SELECT v.unit_code, v.unit_name, v.boundary_set, p.parent_code, v.period_label, v.period_start, v.period_end, v.period_kind,
                   v.indicator_code, v.value, v.value_kind, v.source_ref
            FROM rpt.indicator_values v
            LEFT JOIN (SELECT unit_code, boundary_set, MIN(parent_code) AS parent_code FROM rpt.units GROUP BY unit_code, boundary_set) p
              ON p.unit_code = v.unit_code AND p.boundary_set = v.boundary_set
            WHERE v.indicator_code IN ({codes})
            """);
        var figures = new List<StoredFigure>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            figures.Add(new StoredFigure(reader.GetString(0), ReportingDb.Text(reader, 1) ?? reader.GetString(0), reader.GetString(2), ReportingDb.Text(reader, 3),
                reader.GetString(4), DateOnly.FromDateTime(ReportingDb.Date(reader, 5)), DateOnly.FromDateTime(ReportingDb.Date(reader, 6)),
                reader.GetString(7), reader.GetString(8), ReportingDb.Number(reader, 9), reader.GetString(10), ReportingDb.Text(reader, 11)));
        }
        return figures;
    }
}
