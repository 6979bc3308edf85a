using Bhyt.Warehouse.Units.Scope;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>
/// One loaded value, current or superseded, with where it came from (<c>rpt.indicator_history</c>): its source
/// (<c>submission</c> or <c>published</c>), the source it names (<see cref="SourceRef"/>, a row of <c>rpt.sources</c>) and its file.
/// </summary>
public sealed record HistoryValue(string Indicator, string PeriodLabel, DateTime Start, DateTime End, string PeriodKind, double Value, string Kind,
    string Source, string? SourceRef, string? FileName, string? Location, bool IsCurrent, DateTime LoadedAt)
{
    public PeriodShape Shape => IndicatorValue.ShapeOf(PeriodKind);

    public IndicatorValue AsValue() => new(Indicator, PeriodLabel, Start, End, PeriodKind, Value, Kind, Source, SourceRef);
}

/// <summary>
/// Every reported value of a unit, superseded ones included: where sources disagree (two publications give
/// different national coverage for 2023, a province revises a figure) all of them are shown, with their source.
/// Only units in the caller's scope are read (<see cref="IUnitAccessSource"/>; the country when none is given).
/// </summary>
public sealed class HistoryQueries(ReportingDb db, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    public async Task<List<HistoryValue>> ForUnitAsync(UnitInfo unit, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        if (!(await _access.CurrentAsync(ct)).Allows(unit)) return [];
        var parameters = new DynamicParameters(new
        {
            unit = unit.Code, level = unit.Level, set = unit.Set,
            from = new DateOnly(selection.From, 1, 1), to = new DateOnly(selection.To, 12, 31),
        });
        var codes = SqlList.Add(parameters, "i", indicators);
        return await db.QueryAsync($"""
            SELECT indicator_code, period_label, period_start, period_end, period_kind, value, value_kind, source, source_ref,
                   file_name, source_location, is_current, loaded_at
            FROM rpt.indicator_history h
            WHERE unit_code = @unit AND unit_level = @level AND boundary_set IN (@set, 'national') AND source IN ('submission', 'published')
              AND indicator_code IN ({codes}) AND period_start >= @from AND period_end <= @to
            ORDER BY indicator_code, period_start, period_end, value_kind, loaded_at
            """, parameters, r => new HistoryValue(r.GetString(0), r.GetString(1), ReportingDb.Date(r, 2), ReportingDb.Date(r, 3), r.GetString(4),
            ReportingDb.Number(r, 5), r.GetString(6), r.GetString(7), ReportingDb.Text(r, 8), ReportingDb.Text(r, 9), ReportingDb.Text(r, 10),
            Convert.ToBoolean(r.GetValue(11)), ReportingDb.Date(r, 12)), ct);
    }
}
