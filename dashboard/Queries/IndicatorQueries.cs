using Bhyt.Warehouse.Reference;
using Dapper;

namespace Bhyt.Dashboard.Queries;

/// <summary>
/// Current figures of one unit (or of a unit's children) over a year range, from <c>rpt.indicator_values</c>.
/// For the 2025 boundary set, years before the reform are mapped from the predecessor units of the same level
/// (<see cref="UnitCatalog.PredecessorsAsync"/>, from <c>rpt.unit_succession</c>): stocks and flows summed with their
/// weights, and only when every predecessor reported; coverage rate recomputed from the mapped insured and population.
/// Units are named by code lists (parameters), so each query filters the fact rows by unit before anything else.
/// </summary>
public sealed class IndicatorQueries(DashboardDb db, UnitCatalog units)
{
    /// <summary>Codes per query (SQL Server takes at most 2,100 parameters).</summary>
    private const int CodesPerQuery = 1000;

    /// <summary>Figures of <paramref name="unit"/> for <paramref name="indicators"/> within the selection's years.</summary>
    public Task<List<UnitFigure>> ForUnitAsync(UnitInfo unit, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct) =>
        FiguresAsync([unit], selection, indicators, ct, "IndicatorQueries.ForUnitAsync");

    /// <summary>Figures of the children of <paramref name="parent"/> (one level down in the selection's boundary set).</summary>
    public async Task<List<UnitFigure>> ForChildrenAsync(UnitInfo parent, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct)
    {
        var children = await units.ChildrenAsync(selection.Set, parent.Code, ct);
        return children.Count == 0 ? [] : await FiguresAsync(children, selection, indicators, ct, "IndicatorQueries.ForChildrenAsync");
    }

    private async Task<List<UnitFigure>> FiguresAsync(IReadOnlyList<UnitInfo> targets, Selection selection, IReadOnlyCollection<string> indicators, CancellationToken ct, string name)
    {
        if (indicators.Count == 0) return [];
        var level = targets[0].Level;
        var rows = await ValuesAsync(targets.Select(t => t.Code).ToList(), level, selection, indicators, beforeReform: false, ct, name);
        var figures = rows.Select(r => new UnitFigure(r.UnitCode, r.Figure)).ToList();
        if (!selection.IsPost2025 || level == "country") return figures;

        var predecessors = new Dictionary<string, IReadOnlyList<Predecessor>>();
        foreach (var target in targets) predecessors[target.Code] = await units.PredecessorsAsync(target, ct);
        var oldCodes = predecessors.Values.SelectMany(p => p.Select(x => x.Code)).Distinct().ToList();
        var summable = await SummableAsync(ct);
        var mappable = indicators.Where(summable.Contains).ToList();
        if (oldCodes.Count == 0 || mappable.Count == 0) return figures;
        var old = await ValuesAsync(oldCodes, level, selection, mappable, beforeReform: true, ct, name + ".mapped");
        var mapped = Map(predecessors, old).ToList();
        figures.AddRange(mapped);
        if (indicators.Contains("cov_rate")) figures.AddRange(MappedCoverageRates(mapped));
        return figures;
    }

    /// <summary>
    /// Current values of the units <paramref name="codes"/> of one level: the set's own periods (<see cref="SetPeriods"/>),
    /// or for predecessors (<paramref name="beforeReform"/>) the periods before the reform.
    /// </summary>
    private async Task<List<UnitFigure>> ValuesAsync(IReadOnlyList<string> codes, string level, Selection selection, IReadOnlyCollection<string> indicators,
        bool beforeReform, CancellationToken ct, string name)
    {
        var result = new List<UnitFigure>();
        foreach (var chunk in codes.Chunk(CodesPerQuery))
        {
            var parameters = new DynamicParameters(new
            {
                level, from = new DateOnly(selection.From, 1, 1), to = new DateOnly(selection.To, 12, 31), reform = BoundarySets.ReformDate,
            });
            var unitList = SqlList.Add(parameters, "u", chunk);
            var indicatorList = SqlList.Add(parameters, "i", indicators);
            var periods = beforeReform ? "v.period_end < @reform" : SetPeriods(selection, "v");
            result.AddRange(await db.QueryAsync($"""
                SELECT v.unit_code, v.indicator_code, v.period_label, v.period_start, v.period_end, v.value, v.value_kind, v.source
                FROM rpt.indicator_values v
                WHERE v.unit_level = @level AND v.unit_code IN ({unitList}) AND v.indicator_code IN ({indicatorList})
                  AND v.period_start >= @from AND v.period_end <= @to AND {periods}
                """, parameters, r => new UnitFigure(r.GetString(0), new Figure(
                r.GetString(1), r.GetString(2), DashboardDb.Date(r, 3), DashboardDb.Date(r, 4), DashboardDb.Number(r, 5),
                r.GetString(6), r.GetString(7))), ct, name));
        }
        return result;
    }

    private IReadOnlySet<string>? _summable;

    /// <summary>The stock and flow indicators (the ones a merged unit's figure is the weighted sum of), read once.</summary>
    private async Task<IReadOnlySet<string>> SummableAsync(CancellationToken ct) =>
        _summable ??= (await db.QueryAsync("SELECT code FROM rpt.indicators WHERE measure IN ('stock', 'flow')", null, r => r.GetString(0), ct)).ToHashSet();

    /// <summary>
    /// A 2025 unit's figure for a period = Σ predecessor value × weight, only when every predecessor has the value
    /// (a partial sum would read as a fall in coverage).
    /// </summary>
    private static IEnumerable<UnitFigure> Map(Dictionary<string, IReadOnlyList<Predecessor>> predecessors, List<UnitFigure> old)
    {
        var byOld = old.ToLookup(o => o.UnitCode);
        foreach (var (code, parts) in predecessors)
        {
            if (parts.Count == 0) continue;
            var values = parts.SelectMany(p => byOld[p.Code].Select(o => (Part: p, o.Figure)));
            foreach (var group in values.GroupBy(v => (v.Figure.Indicator, v.Figure.PeriodLabel, v.Figure.Kind, v.Figure.Source)))
            {
                if (group.Select(v => v.Part.Code).Distinct().Count() != parts.Count) continue;
                var first = group.First().Figure;
                yield return new UnitFigure(code, first with
                {
                    Start = group.Min(v => v.Figure.Start), End = group.Min(v => v.Figure.End),
                    Value = group.Sum(v => v.Figure.Value * v.Part.Weight), Mapped = true,
                });
            }
        }
    }

    /// <summary>
    /// GSO codes are reused across the 2025 reform (old and new province 68 share the code), so a unit's own values
    /// are told apart by period: values ending before 1/7/2025 belong to the old units, later ones to the new.
    /// The country is the same before and after.
    /// </summary>
    internal static string SetPeriods(Selection selection, string alias) => selection.IsPost2025
        ? $"({alias}.unit_level = 'country' OR {alias}.period_end >= @reform)"
        : $"({alias}.unit_level = 'country' OR {alias}.period_start < @reform)";

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
