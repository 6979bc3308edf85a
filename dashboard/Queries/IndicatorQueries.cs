using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Dashboard.Queries;

/// <summary>
/// Current figures of one unit (or of a unit's children) over a year range, from <c>rpt.indicator_values</c>.
/// For the 2025 boundary set, years before the reform are mapped from the predecessor units of the same level
/// through <c>rpt.unit_succession</c> (stocks and flows summed with their weights, and only when every
/// predecessor reported; coverage rate recomputed from the mapped insured and population).
/// </summary>
public sealed class IndicatorQueries(DashboardDb db)
{
    private static readonly DateTime Reform = BoundarySets.ReformDate.ToDateTime(TimeOnly.MinValue);

    /// <summary>Figures of <paramref name="unit"/> for <paramref name="indicators"/> within the selection's years.</summary>
    public Task<List<UnitFigure>> ForUnitAsync(UnitInfo unit, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct) =>
        QueryAsync("u.unit_code = @unit AND u.level = @level", new { unit = unit.Code, level = unit.Level }, selection, indicators, ct);

    /// <summary>Figures of the children of <paramref name="parent"/> (one level down in the selection's boundary set).</summary>
    public Task<List<UnitFigure>> ForChildrenAsync(UnitInfo parent, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct) =>
        parent.ChildLevel(selection.Set) is { } childLevel
            ? QueryAsync("u.parent_code = @unit AND u.level = @level", new { unit = parent.Code, level = childLevel }, selection, indicators, ct)
            : Task.FromResult(new List<UnitFigure>());

    private async Task<List<UnitFigure>> QueryAsync(string unitFilter, object unitParameters, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        if (indicators.Count == 0) return [];
        var parameters = new DynamicParameters(unitParameters);
        parameters.Add("from", new DateOnly(selection.From, 1, 1));
        parameters.Add("to", new DateOnly(selection.To, 12, 31));
        parameters.Add("setFrom", selection.IsPost2025 ? BoundarySets.ReformDate : BoundarySets.Pre2025ValidFrom);
        parameters.Add("reform", BoundarySets.ReformDate);
        var codes = SqlList.Add(parameters, "i", indicators);

        var direct = $"""
            SELECT v.unit_code, v.indicator_code, v.period_label, v.period_start, v.period_end, v.value, v.value_kind, v.source, 0 AS mapped
            FROM rpt.indicator_values v
            JOIN rpt.units u ON u.unit_code = v.unit_code AND u.level = v.unit_level AND (u.valid_from = @setFrom OR u.level = 'country')
            WHERE {unitFilter} AND v.indicator_code IN ({codes})
              AND v.period_start >= @from AND v.period_end <= @to
            """;
        var mapped = $"""
            SELECT u.unit_code, v.indicator_code, v.period_label, min(v.period_start), min(v.period_end), sum(v.value * s.weight), v.value_kind, v.source, 1 AS mapped
            FROM rpt.indicator_values v
            JOIN rpt.unit_succession s ON s.old_unit_code = v.unit_code AND s.old_level = v.unit_level AND s.old_level = s.new_level
            JOIN rpt.units u ON u.unit_code = s.new_unit_code AND u.level = s.new_level AND u.valid_from = @setFrom
            JOIN rpt.indicators i ON i.code = v.indicator_code
            WHERE {unitFilter} AND v.indicator_code IN ({codes}) AND i.measure IN ('stock', 'flow')
              AND v.period_start >= @from AND v.period_end <= @to AND v.period_end < @reform
            GROUP BY u.unit_code, u.level, v.indicator_code, v.period_label, v.value_kind, v.source
            HAVING count(DISTINCT v.unit_code) = (SELECT count(*) FROM rpt.unit_succession s2
                                                  WHERE s2.new_unit_code = u.unit_code AND s2.new_level = u.level AND s2.old_level = s2.new_level)
            """;
        var sql = selection.IsPost2025 ? direct + "\nUNION ALL\n" + mapped : direct;
        var rows = await db.QueryAsync(sql, parameters, r => new UnitFigure(r.GetString(0), new Figure(
            r.GetString(1), r.GetString(2), DashboardDb.Date(r, 3), DashboardDb.Date(r, 4), DashboardDb.Number(r, 5),
            r.GetString(6), r.GetString(7), DashboardDb.Integer(r, 8) == 1)), ct);
        if (selection.IsPost2025 && indicators.Contains("cov_rate")) rows.AddRange(MappedCoverageRates(rows));
        return rows;
    }

    /// <summary>cov_rate of mapped periods = mapped insured / mapped population × 100 (a rate is never summed).</summary>
    private static IEnumerable<UnitFigure> MappedCoverageRates(List<UnitFigure> rows)
    {
        var mapped = rows.Where(r => r.Figure.Mapped).ToLookup(r => (r.UnitCode, r.Figure.PeriodLabel, r.Figure.Kind, r.Figure.Source));
        foreach (var group in mapped)
        {
            var insured = group.FirstOrDefault(r => r.Figure.Indicator == "cov_participants");
            var population = group.FirstOrDefault(r => r.Figure.Indicator == "cov_population");
            if (insured is null || population is null || population.Figure.Value <= 0) continue;
            yield return insured with { Figure = insured.Figure with { Indicator = "cov_rate", Value = Math.Round(insured.Figure.Value / population.Figure.Value * 100, 2) } };
        }
    }
}

/// <summary>A figure and the unit it belongs to.</summary>
public sealed record UnitFigure(string UnitCode, Figure Figure);

/// <summary>Named parameters for an IN list (<c>@i0, @i1, …</c>): values are always parameters, never SQL text.</summary>
public static class SqlList
{
    public static string Add(DynamicParameters parameters, string prefix, IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"{prefix}{names.Count}";
            parameters.Add(name, value);
            names.Add("@" + name);
        }
        return string.Join(", ", names);
    }
}
