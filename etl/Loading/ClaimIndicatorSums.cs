using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Etl.Loading;

/// <summary>
/// The sums behind <see cref="ClaimIndicatorDeriver"/>: cells of <c>dw.fct_claims_monthly</c> (facility unit, tier, visit
/// type, month) become values per unit, period (month and year) and indicator, rolled up to the facility unit's ancestors.
/// Keys are integers (unit, period and indicator keys): keyed by labels and codes, the roll-up of a national year took
/// 2–3 s of CPU. With <c>affected</c>, only those units get values.
/// </summary>
internal sealed class ClaimIndicatorSums(IReadOnlyDictionary<string, int> indicatorKeys, IReadOnlyDictionary<int, int> yearPeriods,
    IReadOnlyList<string> fromDetails, Func<int, int[]> ancestry, IReadOnlySet<int>? affected)
{
    /// <summary>One row of the monthly aggregate summed by facility unit, tier, visit type and month.</summary>
    public sealed record Cell(int FacilityUnitKey, int Tier, string VisitType, int MonthKey, int Year, long Claims, decimal Total, decimal Drugs,
        decimal Supplies, decimal Services, decimal ExamBed, long WithDetails);

    private readonly Dictionary<string, int> _keys = [];

    public Dictionary<(int Unit, int Period, int Indicator), decimal> Sum(IEnumerable<Cell> cells)
    {
        // Summed per facility unit and month first, then rolled up: rolling up every cell took 3–4 s of CPU in a 3-million-claim load.
        var byFacilityUnit = new Dictionary<(int Unit, int Month, int Year, int Indicator), decimal>();
        var detailMonths = new HashSet<(int Unit, int Month, int Year)>();
        foreach (var cell in cells)
        {
            foreach (var (indicator, value) in Measures(cell))
                CollectionsMarshal.GetValueRefOrAddDefault(byFacilityUnit, (cell.FacilityUnitKey, cell.MonthKey, cell.Year, Key(indicator)), out _) += value;
            if (cell.WithDetails > 0) detailMonths.Add((cell.FacilityUnitKey, cell.MonthKey, cell.Year));
        }
        var values = new Dictionary<(int Unit, int Period, int Indicator), decimal>();
        foreach (var ((facilityUnit, month, year, indicator), value) in byFacilityUnit)
        {
            var yearPeriod = yearPeriods[year];
            foreach (var unit in ancestry(facilityUnit))
            {
                if (affected is not null && !affected.Contains(unit)) continue;
                CollectionsMarshal.GetValueRefOrAddDefault(values, (unit, month, indicator), out _) += value;
                CollectionsMarshal.GetValueRefOrAddDefault(values, (unit, yearPeriod, indicator), out _) += value;
            }
        }
        // Categories only the detail lines give exist where some claim came with lines, never as a 0 meaning "unknown".
        var withDetails = new HashSet<(int Unit, int Period)>();
        foreach (var (facilityUnit, month, year) in detailMonths)
            foreach (var unit in ancestry(facilityUnit))
            {
                withDetails.Add((unit, month));
                withDetails.Add((unit, yearPeriods[year]));
            }
        var detailIndicators = fromDetails.Select(Key).ToHashSet();
        foreach (var key in values.Keys.Where(k => detailIndicators.Contains(k.Indicator) && !withDetails.Contains((k.Unit, k.Period))).ToList())
            values.Remove(key);
        return values;
    }

    /// <summary>The values as rows of <c>etl.value_stage</c> for refresh run <paramref name="run"/> (<c>ValueRefresh.StageColumns</c>).</summary>
    public static async IAsyncEnumerable<IBulkBatch> Stage(Dictionary<(int Unit, int Period, int Indicator), decimal> values, long run,
        IReadOnlyDictionary<int, string> periodLabels, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var locations = periodLabels.ToDictionary(p => p.Key, p => $"dw.fct_claim, {p.Value}");
        var batch = new StageBatch(run, locations);
        foreach (var value in values)
        {
            batch.Rows.Add(value);
            if (batch.Rows.Count < 4096) continue;
            yield return batch;
            batch.Rows.Clear();
            ct.ThrowIfCancellationRequested();
        }
        if (batch.Rows.Count > 0) yield return batch;
        await Task.CompletedTask;
    }

    private int Key(string indicator)
    {
        if (_keys.TryGetValue(indicator, out var key)) return key;
        return _keys[indicator] = indicatorKeys.TryGetValue(indicator, out key) ? key
            : throw new InvalidOperationException($"Indicator {indicator} is not in dw.dim_indicator.");
    }

    private static IEnumerable<(string Indicator, decimal Value)> Measures(Cell cell)
    {
        var tier = cell.Tier switch { 2 => "_province", 3 => "_district", 4 => "_commune", _ => null };
        var million = 1_000_000m;
        yield return ("kcb_visits", cell.Claims);
        if (tier is not null) yield return ("kcb_visits" + tier, cell.Claims);
        if (cell.VisitType is "inpatient" or "outpatient")
        {
            yield return ($"kcb_{cell.VisitType}", cell.Claims);
            if (tier is not null) yield return ($"kcb_{cell.VisitType}{tier}", cell.Claims);
        }
        // Spending splits in two (spend_kcb = outpatient + inpatient): examinations are outpatient spending.
        yield return (cell.VisitType == "inpatient" ? "spend_inpatient" : "spend_outpatient", cell.Total / million);
        yield return ("spend_kcb", cell.Total / million);
        yield return ("spend_drugs", cell.Drugs / million);
        yield return ("spend_supplies", cell.Supplies / million);
        yield return ("spend_services", cell.Services / million);
        yield return ("spend_exam_bed", cell.ExamBed / million);
    }

    private sealed class StageBatch(long run, Dictionary<int, string> locations) : IBulkBatch
    {
        public List<KeyValuePair<(int Unit, int Period, int Indicator), decimal>> Rows { get; } = new(4096);

        public int Count => Rows.Count;

        public void Write(int index, IBulkRow row)
        {
            var ((unit, period, indicator), value) = Rows[index];
            row.Add(run);
            row.Add((int?)unit);
            row.Add((int?)period);
            row.Add((int?)indicator);
            row.Add("actual");
            row.Add((decimal?)value);
            row.Add("claims");
            row.AddNull();
            row.AddNull();
            row.Add(locations[period]);
        }
    }
}
