using System.Data.Common;
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
/// reading it instead of the claims took seconds off a 10-million-claim load. Given the facilities whose claims a load
/// changed, only the units that contain one (its commune, district, province and the country) are recomputed, with every
/// facility of those units: the values of any other unit sum claims that did not change. <c>spend_services</c> and <c>spend_exam_bed</c>
/// sum the claims that came with detail lines and exist only for a unit and period where at least one did: where none did
/// they are unknown, never 0 (the KCB page says which share of the claims the categories cover).
/// </summary>
public sealed class ClaimIndicatorDeriver(IWarehouseEngine engine, UnitDirectory units)
{
    private static readonly string[] FromDetails = ["spend_services", "spend_exam_bed"];

    private const string Touched = "f.period_key IN (SELECT period_key FROM dw.dim_period WHERE year IN @years AND kind IN ('month', 'year'))";

    /// <summary>Recomputes the values of every unit for the years of <paramref name="touchedMonthKeys"/>.</summary>
    public Task<int> DeriveAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<int> touchedMonthKeys, CancellationToken ct) =>
        DeriveAsync(connection, transaction, touchedMonthKeys, null, null, ct);

    /// <summary>
    /// Recomputes, for the years of <paramref name="touchedMonthKeys"/>, the values of the units containing a facility of
    /// <paramref name="touchedFacilities"/> (a SELECT of facility codes, with <paramref name="parameters"/>; every unit when null).
    /// </summary>
    public async Task<int> DeriveAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<int> touchedMonthKeys,
        string? touchedFacilities, object? parameters, CancellationToken ct)
    {
        var years = (await connection.QueryAsync<int>(new CommandDefinition(engine.Sql(
            "SELECT DISTINCT year FROM dw.dim_period WHERE period_key IN @touchedMonthKeys"), new { touchedMonthKeys }, transaction, cancellationToken: ct))).ToList();
        if (years.Count == 0) return 0;
        var affected = touchedFacilities is null ? null : await AffectedUnitsAsync(connection, transaction, touchedFacilities, parameters, ct);
        var cells = (await connection.QueryAsync<ClaimIndicatorSums.Cell>(new CommandDefinition(engine.Sql("""
            SELECT f.unit_key AS FacilityUnitKey, f.tier AS Tier, c.visit_type AS VisitType, c.month_key AS MonthKey, p.year AS Year,
                   CAST(sum(c.claims) AS BIGINT) AS Claims, sum(c.total_cost) AS Total, sum(c.drug_cost) AS Drugs, sum(c.supplies_cost) AS Supplies,
                   sum(c.services_cost) AS Services, sum(c.examination_cost + c.bed_day_cost) AS ExamBed,
                   CAST(sum(c.claims_with_details) AS BIGINT) AS WithDetails
            FROM dw.fct_claims_monthly c
            JOIN dw.dim_facility f ON f.facility_key = c.facility_key
            JOIN dw.dim_period p ON p.period_key = c.month_key
            WHERE p.year IN @years AND f.unit_key IS NOT NULL
            GROUP BY f.unit_key, f.tier, c.visit_type, c.month_key, p.year
            """), new { years }, transaction, cancellationToken: ct, commandTimeout: 0))).ToList();
        var periods = (await connection.QueryAsync<(string Label, int Key, string Kind)>(new CommandDefinition(engine.Sql(
                "SELECT label, period_key, kind FROM dw.dim_period WHERE year IN @years AND kind IN ('month', 'year')"), new { years }, transaction, cancellationToken: ct)))
            .ToList();
        var indicatorKeys = (await connection.QueryAsync<(string Code, int Key)>(new CommandDefinition(
            "SELECT code, indicator_key FROM dw.dim_indicator", transaction: transaction, cancellationToken: ct))).ToDictionary(r => r.Code, r => r.Key);
        var values = new ClaimIndicatorSums(indicatorKeys, periods.Where(p => p.Kind == "year").ToDictionary(p => int.Parse(p.Label), p => p.Key),
            FromDetails, Ancestry, affected).Sum(cells);

        var labels = periods.ToDictionary(p => p.Key, p => p.Label);
        var refresh = new ValueRefresh(engine);
        var run = await refresh.StartAsync(connection, transaction, ct);
        var scope = Touched;
        if (affected is not null)
        {
            await engine.BulkInsertAsync(connection, transaction, "etl.refresh_scope", ["run_id", "unit_key"],
                affected.Select(u => new object?[] { run, u }), ct);
            scope += " AND f.unit_key IN (SELECT r.unit_key FROM etl.refresh_scope r WHERE r.run_id = @scopeRun)";
        }
        await engine.BulkInsertAsync(connection, transaction, "etl.value_stage", ValueRefresh.StageColumns,
            ClaimIndicatorSums.Stage(values, run, labels), ct);
        await refresh.ApplyAsync(connection, transaction, run, "claims", scope, new { years, scopeRun = run }, ct);
        await new DerivedSeries(engine).RefreshAsync(connection, transaction, affected is null
                ? $"SELECT DISTINCT f.unit_key FROM dw.fct_indicator_value f WHERE f.source = 'claims' AND {Touched}"
                : "SELECT r.unit_key FROM etl.refresh_scope r WHERE r.run_id = @scopeRun",
            new { years, scopeRun = run }, ct);
        await refresh.FinishAsync(connection, transaction, run, ct);
        return values.Count;
    }

    /// <summary>The units whose values sum the claims of the facilities selected: each facility's unit and its ancestors.</summary>
    private async Task<HashSet<int>> AffectedUnitsAsync(DbConnection connection, DbTransaction transaction, string facilities, object? parameters,
        CancellationToken ct)
    {
        var facilityUnits = await connection.QueryAsync<int>(new CommandDefinition(engine.Sql($"""
            SELECT DISTINCT f.unit_key FROM dw.dim_facility f
            WHERE f.unit_key IS NOT NULL AND f.facility_code IN (SELECT t.facility_code FROM ({facilities}) t)
            """), parameters, transaction, cancellationToken: ct, commandTimeout: 0));
        return facilityUnits.SelectMany(Ancestry).ToHashSet();
    }

    private readonly Dictionary<int, int[]> _rollUps = [];

    private int[] Ancestry(int facilityUnit)
    {
        if (_rollUps.TryGetValue(facilityUnit, out var ancestry)) return ancestry;
        var unit = units.FindByKey(facilityUnit)!;
        return _rollUps[facilityUnit] = units.Ancestors(unit).Prepend(unit).Select(u => u.UnitKey).ToArray();
    }
}
