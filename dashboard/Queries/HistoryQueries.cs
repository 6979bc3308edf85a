using Dapper;

namespace Bhyt.Dashboard.Queries;

/// <summary>One loaded value, current or superseded, and the file it came from (<c>rpt.indicator_history</c>).</summary>
public sealed record HistoryValue(string Indicator, string PeriodLabel, DateTime Start, DateTime End, double Value, string Kind,
    string? FileName, string? Location, bool IsCurrent, DateTime LoadedAt)
{
    public PeriodShape Shape => Figure.ShapeOf(Start, End);
}

/// <summary>
/// Every reported value of a unit, superseded ones included: where sources disagree (two publications give
/// different national coverage for 2023, a province revises a figure) all of them are shown, with their source.
/// </summary>
public sealed class HistoryQueries(DashboardDb db)
{
    public Task<List<HistoryValue>> ForUnitAsync(UnitInfo unit, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        var parameters = new DynamicParameters(new
        {
            unit = unit.Code, level = unit.Level,
            from = new DateOnly(selection.From, 1, 1), to = new DateOnly(selection.To, 12, 31),
            reform = Bhyt.Warehouse.Reference.BoundarySets.ReformDate,
        });
        var codes = SqlList.Add(parameters, "i", indicators);
        return db.QueryAsync($"""
            SELECT indicator_code, period_label, period_start, period_end, value, value_kind, file_name, source_location, is_current, loaded_at
            FROM rpt.indicator_history h
            WHERE unit_code = @unit AND unit_level = @level AND source = 'submission' AND indicator_code IN ({codes})
              AND period_start >= @from AND period_end <= @to AND {IndicatorQueries.SetPeriods(selection, "h")}
            ORDER BY indicator_code, period_start, period_end, value_kind, loaded_at
            """, parameters, r => new HistoryValue(r.GetString(0), r.GetString(1), DashboardDb.Date(r, 2), DashboardDb.Date(r, 3),
            DashboardDb.Number(r, 4), r.GetString(5), DashboardDb.Text(r, 6), DashboardDb.Text(r, 7), Convert.ToBoolean(r.GetValue(8)), DashboardDb.Date(r, 9)), ct);
    }
}
