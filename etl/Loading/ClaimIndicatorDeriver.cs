using System.Data.Common;
using System.Runtime.InteropServices;
using Bhyt.Warehouse.Derived;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units;
using Dapper;

namespace Bhyt.Etl.Loading;

/// <summary>
/// Derives the KCB and spending indicators from claims (<c>source = claims</c>) so that a trend can show them beside
/// submitted figures: <c>kcb_visits*</c>, <c>kcb_inpatient*</c>, <c>kcb_outpatient*</c> (by the facility's tier) and
/// <c>spend_kcb</c>, <c>spend_inpatient</c>, <c>spend_outpatient</c>, <c>spend_drugs</c>, <c>spend_supplies</c> and, from the
/// detail lines (XML2/XML3), <c>spend_services</c> and <c>spend_exam_bed</c> (million VND), per month and year, for the facility's commune, district, province and the country. They are
/// recomputed for the years a load touched (history kept, <see cref="ValueRefresh"/>), then the derived series of the
/// units concerned (cost per visit, 2025 mapping: <see cref="DerivedSeries"/>). They are summed from
/// <c>dw.fct_claims_monthly</c>: the loader rebuilds it from the claims for every month a load touches, so it sums to the claims (the claims stay the source of truth) and
/// reading it instead of the claims took seconds off a 10-million-claim load. <c>spend_services</c> and <c>spend_exam_bed</c>
/// sum the claims that came with detail lines and exist only for a unit and period where at least one did: where none did
/// they are unknown, never 0 (the KCB page says which share of the claims the categories cover).
/// </summary>
public sealed class ClaimIndicatorDeriver(IWarehouseEngine engine, UnitDirectory units)
{
    private sealed record Cell(int FacilityUnitKey, int Tier, string VisitType, string Month, long Claims, decimal Total, decimal Drugs, decimal Supplies,
        decimal Services, decimal ExamBed, long WithDetails);

    private static readonly string[] FromDetails = ["spend_services", "spend_exam_bed"];

    public async Task<int> DeriveAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<int> touchedMonthKeys, CancellationToken ct)
    {
        var years = (await connection.QueryAsync<int>(new CommandDefinition(engine.Sql(
            "SELECT DISTINCT year FROM dw.dim_period WHERE period_key IN @touchedMonthKeys"), new { touchedMonthKeys }, transaction, cancellationToken: ct))).ToList();
        if (years.Count == 0) return 0;
        var cells = (await connection.QueryAsync<Cell>(new CommandDefinition(engine.Sql("""
            SELECT f.unit_key AS FacilityUnitKey, f.tier AS Tier, c.visit_type AS VisitType, p.label AS Month, CAST(sum(c.claims) AS BIGINT) AS Claims,
                   sum(c.total_cost) AS Total, sum(c.drug_cost) AS Drugs, sum(c.supplies_cost) AS Supplies, sum(c.services_cost) AS Services,
                   sum(c.examination_cost + c.bed_day_cost) AS ExamBed, CAST(sum(c.claims_with_details) AS BIGINT) AS WithDetails
            FROM dw.fct_claims_monthly c
            JOIN dw.dim_facility f ON f.facility_key = c.facility_key
            JOIN dw.dim_period p ON p.period_key = c.month_key
            WHERE p.year IN @years AND f.unit_key IS NOT NULL
            GROUP BY f.unit_key, f.tier, c.visit_type, p.label
            """), new { years }, transaction, cancellationToken: ct, commandTimeout: 0))).ToList();

        // Summed per facility unit and month first, then rolled up: rolling up every cell took 3–4 s of CPU in a 3-million-claim load.
        var byFacilityUnit = new Dictionary<(int Unit, string Month, string Indicator), decimal>();
        var detailMonths = new HashSet<(int Unit, string Month)>();
        foreach (var cell in cells)
        {
            foreach (var (indicator, value) in Measures(cell))
                CollectionsMarshal.GetValueRefOrAddDefault(byFacilityUnit, (cell.FacilityUnitKey, cell.Month, indicator), out _) += value;
            if (cell.WithDetails > 0) detailMonths.Add((cell.FacilityUnitKey, cell.Month));
        }
        var rollUps = new Dictionary<int, int[]>();
        int[] Ancestry(int facilityUnit) =>
            rollUps.TryGetValue(facilityUnit, out var ancestry) ? ancestry : rollUps[facilityUnit] = RollUp(facilityUnit).ToArray();
        var values = new Dictionary<(int Unit, string Period, string Indicator), decimal>();
        foreach (var ((facilityUnit, month, indicator), value) in byFacilityUnit)
        {
            var year = month[..4];
            foreach (var unit in Ancestry(facilityUnit))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(values, (unit, month, indicator), out _) += value;
                CollectionsMarshal.GetValueRefOrAddDefault(values, (unit, year, indicator), out _) += value;
            }
        }
        // Categories only the detail lines give exist where some claim came with lines, never as a 0 meaning "unknown".
        var withDetails = new HashSet<(int Unit, string Period)>();
        foreach (var (facilityUnit, month) in detailMonths)
            foreach (var unit in Ancestry(facilityUnit))
            {
                withDetails.Add((unit, month));
                withDetails.Add((unit, month[..4]));
            }
        foreach (var key in values.Keys.Where(k => FromDetails.Contains(k.Indicator) && !withDetails.Contains((k.Unit, k.Period))).ToList())
            values.Remove(key);

        var periodKeys = (await connection.QueryAsync<(string Label, int Key)>(new CommandDefinition(engine.Sql(
                "SELECT label, period_key FROM dw.dim_period WHERE year IN @years AND kind IN ('month', 'year')"), new { years }, transaction, cancellationToken: ct)))
            .ToDictionary(r => r.Label, r => r.Key);
        var indicatorKeys = (await connection.QueryAsync<(string Code, int Key)>(new CommandDefinition(
            "SELECT code, indicator_key FROM dw.dim_indicator", transaction: transaction, cancellationToken: ct))).ToDictionary(r => r.Code, r => r.Key);

        var refresh = new ValueRefresh(engine);
        var run = await refresh.StartAsync(connection, transaction, ct);
        await engine.BulkInsertAsync(connection, transaction, "etl.value_stage", ValueRefresh.StageColumns, values.Select(v => new object?[]
        {
            run, v.Key.Unit, periodKeys[v.Key.Period], indicatorKeys[v.Key.Indicator], "actual", v.Value, "claims", null, null, $"dw.fct_claim, {v.Key.Period}",
        }), ct);
        const string Touched = "f.period_key IN (SELECT period_key FROM dw.dim_period WHERE year IN @years AND kind IN ('month', 'year'))";
        await refresh.ApplyAsync(connection, transaction, run, "claims", Touched, new { years }, ct);
        await refresh.FinishAsync(connection, transaction, run, ct);
        await new DerivedSeries(engine).RefreshAsync(connection, transaction,
            $"SELECT DISTINCT f.unit_key FROM dw.fct_indicator_value f WHERE f.source = 'claims' AND {Touched}", new { years }, ct);
        return values.Count;
    }

    private IEnumerable<int> RollUp(int unitKey)
    {
        var unit = units.FindByKey(unitKey)!;
        return units.Ancestors(unit).Prepend(unit).Select(u => u.UnitKey);
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
}
