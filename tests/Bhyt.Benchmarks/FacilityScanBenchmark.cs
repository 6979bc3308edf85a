using System.Diagnostics;
using System.Globalization;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Facilities;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Benchmarks;

/// <summary>
/// The facility-month scan (<see cref="FacilityProfileDetector"/>) at national size: 13,000 facilities × 36 months of
/// <c>dw.fct_facility_month</c> with realistic shapes — ~10,000 commune stations of a few hundred visits, district,
/// provincial and central hospitals of thousands to tens of thousands, public and private; winter volume, a July peak,
/// an epidemic July 2023 every facility shares, facilities opening (ramp-up) and closing (run-down) inside the window,
/// and cost or drug-share jumps planted at 0.5 % of the hospitals for 2–6 months. Builds the warehouse when it has no
/// profiles, then times the detector (read + profiles + ML.NET PCA + decisions) and prints facility-months/s, wall time,
/// peak RSS of the scan (the high-water mark is reset after the build) and, against the planted jumps, precision/recall.
/// </summary>
public static class FacilityScanBenchmark
{
    private const int Facilities = 13_000;
    private const int Months = 36;
    private static readonly DateTime First = new(2022, 1, 1);

    private sealed record Jump(string Facility, int From, int To);

    public static async Task RunAsync(string? warehousePath)
    {
        var path = warehousePath ?? Path.Combine(Directory.CreateTempSubdirectory("bhyt-facscan-").FullName, "facscan.duckdb");
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(path));
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        var jumps = await BuildAsync(engine);
        Console.WriteLine($"warehouse: {path}");

        File.WriteAllText("/proc/self/clear_refs", "5"); // reset VmHWM: the scan's peak, not the build's
        GC.Collect();
        var clock = Stopwatch.StartNew();
        IReadOnlyList<AnomalyFinding> findings;
        await using (var connection = await engine.OpenAsync(CancellationToken.None))
            findings = await new FacilityProfileDetector().DetectAsync(new DetectionContext(engine, connection, null, null), CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = Facilities * (double)Months;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"facility scan: {rows:N0} facility-months in {seconds:N2} s = {rows / seconds:N0} facility-months/s; peak RSS {PeakMib():N0} MiB; {findings.Count:N0} findings"));
        if (jumps.Count > 0) Score(findings, jumps);
        foreach (var sample in findings.Take(3)) Console.WriteLine($"  [{sample.Severity}] {sample.Explanation}");
    }

    private static void Score(IReadOnlyList<AnomalyFinding> findings, List<Jump> jumps)
    {
        var byFacility = jumps.ToDictionary(j => j.Facility);
        var hits = findings.Where(f => byFacility.TryGetValue(f.SubjectCode, out var j) && MonthOf(f.PeriodStart!.Value) >= j.From && MonthOf(f.PeriodStart.Value) <= j.To).ToList();
        var found = hits.Select(f => f.SubjectCode).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planted jumps: {jumps.Count}, found {found} (recall {(double)found / jumps.Count:0.00}); flagged months {findings.Count}, in a planted window {hits.Count} (precision {(findings.Count == 0 ? 0 : (double)hits.Count / findings.Count):0.00})"));
    }

    private static int MonthOf(DateOnly d) => (d.Year - First.Year) * 12 + d.Month - First.Month;

    /// <summary>Fills dim_facility and fct_facility_month unless the warehouse already holds profiles; returns the planted jumps.</summary>
    private static async Task<List<Jump>> BuildAsync(IWarehouseEngine engine)
    {
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM dw.fct_facility_month") > 0)
        {
            Console.WriteLine("warehouse already holds facility-month profiles: scanning them as they are");
            return [];
        }
        var clock = Stopwatch.StartNew();
        var keys = (await connection.QueryAsync<(string Label, int Key)>(
            "SELECT label, period_key FROM dw.dim_period WHERE kind = 'month' AND label BETWEEN '2022-01' AND '2024-12'")).ToDictionary(p => p.Label, p => p.Key);
        var random = new Random(16);
        var facilities = Enumerable.Range(0, Facilities).Select(i => SyntheticFacility.Draw(i, random)).ToList();
        var jumps = new List<Jump>();
        await using var transaction = await connection.BeginTransactionAsync();
        await engine.BulkInsertAsync(connection, transaction, "dw.dim_facility",
            ["facility_key", "facility_code", "name", "tier", "ownership", "unit_key", "unit_code", "province_code", "submission_id"],
            facilities.Select(f => new object?[] { 900_000 + f.Index, f.Code, f.Name, f.Tier, f.Ownership, null, null, f.Province, null }), CancellationToken.None);
        var rows = new List<object?[]>(Facilities * Months);
        foreach (var f in facilities)
        {
            var jump = f.Tier <= 3 && random.NextDouble() < 0.005 ? new Jump(f.Code, 12 + random.Next(20), 0) : null;
            if (jump is not null) jumps.Add(jump = jump with { To = jump.From + 1 + random.Next(5) });
            for (var m = 0; m < Months; m++)
                if (f.Month(m, jump is not null && m >= jump.From && m <= jump.To, random) is { } row)
                    rows.Add([keys[First.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture)], 900_000 + f.Index, f.Code, .. row, DateTime.UtcNow]);
        }
        await engine.BulkInsertAsync(connection, transaction, "dw.fct_facility_month",
            ["month_key", "facility_key", "facility_code", "claims", "cards", "out_of_province_cards", "inpatient", "inpatient_days", "total_cost",
             "inpatient_cost", "outpatient_cost_squares", "inpatient_cost_squares", "insurer_paid", "drug_cost", "supplies_cost", "refreshed_at"],
            rows, CancellationToken.None);
        await transaction.CommitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {rows.Count:N0} facility-months of {Facilities:N0} facilities in {clock.Elapsed.TotalSeconds:N1} s"));
        return jumps;
    }

    private static double PeakMib() => File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).FirstOrDefault();
}
