using Bhyt.Warehouse.Units.Scope;
using Dapper;

namespace Bhyt.Warehouse.Queries;

/// <summary>
/// Current figures of one unit (or of a unit's children) over a year range, from <c>rpt.indicator_values</c>, within the
/// selection's boundary set. A 2025 unit's years before the reform are the warehouse's mapped figures (<c>source =
/// 'derived'</c>, <c>source_ref = 'map2025'</c>) and its rates are computed from mapped parts, both stored by the load
/// (<see cref="Derived.DerivedSeries"/>): nothing is re-derived here, so a page, an export and an analyst's SQL read the same
/// numbers. Units are named by code lists (parameters), so each query filters the fact rows by unit before anything else.
/// Only units in the caller's scope (<see cref="IUnitAccessSource"/>; the country when none is given) are read: another unit
/// yields no figures.
/// </summary>
public sealed class IndicatorQueries(ReportingDb db, UnitCatalog units, IUnitAccessSource? access = null)
{
    private readonly IUnitAccessSource _access = access ?? FixedUnitAccess.Country;

    /// <summary>Codes per query (SQL Server takes at most 2,100 parameters).</summary>
    private const int CodesPerQuery = 1000;

    /// <summary>Figures of <paramref name="unit"/> for <paramref name="indicators"/> within the selection's years.</summary>
    public async Task<List<UnitFigure>> ForUnitAsync(UnitInfo unit, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct) =>
        (await _access.CurrentAsync(ct)).Allows(unit) ? await ValuesAsync([unit], selection, indicators, ct, "IndicatorQueries.ForUnitAsync") : [];

    /// <summary>Figures of the children of <paramref name="parent"/> (one level down in the selection's boundary set).</summary>
    public async Task<List<UnitFigure>> ForChildrenAsync(UnitInfo parent, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        var scope = await _access.CurrentAsync(ct);
        if (!scope.Allows(parent)) return [];
        var children = (await units.ChildrenAsync(selection.Set, parent.Code, ct)).Where(scope.Allows).ToList();
        return children.Count == 0 ? [] : await ValuesAsync(children, selection, indicators, ct, "IndicatorQueries.ForChildrenAsync");
    }

    private async Task<List<UnitFigure>> ValuesAsync(IReadOnlyList<UnitInfo> targets, Selection selection, IReadOnlyCollection<string> indicators,
        CancellationToken ct, string name)
    {
        var result = new List<UnitFigure>();
        if (indicators.Count == 0) return result;
        foreach (var chunk in targets.Chunk(CodesPerQuery))
        {
            var parameters = new DynamicParameters(new
            {
                level = chunk[0].Level, set = chunk[0].Set, from = new DateOnly(selection.From, 1, 1), to = new DateOnly(selection.To, 12, 31),
            });
            var unitList = SqlList.Add(parameters, "u", chunk.Select(t => t.Code));
            var indicatorList = SqlList.Add(parameters, "i", indicators);
            result.AddRange(await db.QueryAsync($"""
                SELECT v.unit_code, v.indicator_code, v.period_label, v.period_start, v.period_end, v.period_kind, v.value, v.value_kind,
                       v.source, v.source_ref, v.derived_from
                FROM rpt.indicator_values v
                WHERE v.unit_level = @level AND v.boundary_set IN (@set, 'national') AND v.unit_code IN ({unitList}) AND v.indicator_code IN ({indicatorList})
                  AND v.period_start >= @from AND v.period_end <= @to
                """, parameters, r => new UnitFigure(r.GetString(0), ReportingDb.IndicatorValue(r, 1)), ct, name));
        }
        return result;
    }
}

/// <summary>A figure and the unit it belongs to.</summary>
public sealed record UnitFigure(string UnitCode, IndicatorValue Figure);

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
