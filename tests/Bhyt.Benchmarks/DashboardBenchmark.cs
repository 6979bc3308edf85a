using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Bhyt.Dashboard;
using Bhyt.Dashboard.Components.Pages.Coverage;
using Bhyt.Dashboard.Components.Pages.Fund;
using Bhyt.Dashboard.Components.Pages.Kcb;
using Bhyt.Dashboard.Components.Pages.Overview;
using Bhyt.Dashboard.Components.Pages.Submissions;
using Bhyt.Dashboard.Components.Shared;
using Bhyt.Warehouse.Queries;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Bhyt.Warehouse.Reference;
using Bhyt.Warehouse.Units.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Bhyt.Benchmarks;

/// <summary>
/// Dashboard query latency over a warehouse (build one with <c>bhyt generate --scale national</c> + <c>bhyt import</c>):
/// every page loaded the way the page loads it (unit lookup, breadcrumb, the page's service) for the country, every
/// province, and sampled districts and communes, both boundary sets. Prints per page and per query (from the
/// <c>bhyt.query.duration</c> histogram the pages record in production too) p50/p95/max, then the same
/// page mix with several users at once.
/// </summary>
public static class DashboardBenchmark
{
    private const double TargetP95Ms = 50;

    public static async Task RunAsync(string warehouse, int rounds, int users)
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
        await new WarehouseInitializer(engine).InitAsync(CancellationToken.None);
        await using var provider = new ServiceCollection().AddSingleton(engine).AddSingleton<IUnitAccessSource>(FixedUnitAccess.Country).AddDashboardQueries().BuildServiceProvider();
        var units = provider.GetRequiredService<UnitCatalog>();
        var samples = provider.GetRequiredService<SourceQueries>();
        var pages = Pages(provider);

        var queryTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReportingDb.MeterName && instrument.Name == ReportingDb.DurationInstrument) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, ms, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "query") queryTimes.GetOrAdd((string)tag.Value!, _ => []).Add(ms);
        });

        var selections = await SelectionsAsync(units, new Random(20241));
        var facts = await CountsAsync(engine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BhytAnalytics dashboard queries — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {engine.Name} {warehouse} ({new FileInfo(warehouse).Length / 1048576.0:N0} MiB)"));
        Console.WriteLine($"warehouse: {facts}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"selections: {selections.Count} (country, {selections.Count(s => s.Unit.Level == "province")} provinces of both sets, {selections.Count(s => s.Unit.Level == "district")} districts, {selections.Count(s => s.Unit.Level == "commune")} communes), {pages.Count} pages, {rounds} rounds"));

        // First touch of each page (cold: the unit catalogue loads, DuckDB reads its blocks) is reported on its own.
        var cold = new Dictionary<string, double>();
        foreach (var (name, load) in pages)
        {
            var clock = Stopwatch.StartNew();
            await LoadPageAsync(units, samples, load, selections[0]);
            cold[name] = clock.Elapsed.TotalMilliseconds;
        }
        listener.Start();

        var pageTimes = pages.ToDictionary(p => p.Name, _ => new List<double>());
        var kindTimes = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
            foreach (var selection in selections)
            {
                var kind = $"{selection.Selection.Set} {selection.Unit.Level}";
                var total = Stopwatch.StartNew();
                foreach (var (name, load) in pages)
                {
                    var clock = Stopwatch.StartNew();
                    await LoadPageAsync(units, samples, load, selection);
                    pageTimes[name].Add(clock.Elapsed.TotalMilliseconds);
                }
                if (!kindTimes.TryGetValue(kind, out var list)) kindTimes[kind] = list = [];
                list.Add(total.Elapsed.TotalMilliseconds);
            }
        listener.Dispose();

        Console.WriteLine();
        Console.WriteLine("page load (unit lookup + breadcrumb + every query of the page), one user:");
        foreach (var (name, times) in pageTimes) Print(name, times, $"cold={cold[name],7:N1} ms");
        Console.WriteLine();
        Console.WriteLine("all pages of one selection, by boundary set and level:");
        foreach (var (kind, times) in kindTimes) Print(kind, times, "");
        Console.WriteLine();
        Console.WriteLine("each query (open + execute + read all rows), one user:");
        foreach (var (name, times) in queryTimes.OrderBy(q => q.Key, StringComparer.Ordinal)) Print(name, times.ToList(), "");
        var worst = queryTimes.Select(q => (q.Key, P95: Percentile(q.Value.Order().ToList(), 0.95))).MaxBy(q => q.P95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slowest query p95: {worst.Key} {worst.P95:N1} ms — target p95 ≤ {TargetP95Ms} ms per query: {(worst.P95 <= TargetP95Ms ? "met" : "NOT met")}"));

        Console.WriteLine();
        Console.WriteLine($"{users} users at once, each loading the same page mix in its own order:");
        var concurrent = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var random = new Random(user);
            foreach (var selection in selections.OrderBy(_ => random.Next()))
                foreach (var (_, load) in pages)
                {
                    var clock = Stopwatch.StartNew();
                    await LoadPageAsync(units, samples, load, selection);
                    concurrent.Add(clock.Elapsed.TotalMilliseconds);
                }
        })));
        Print("any page", concurrent.ToList(), string.Create(CultureInfo.InvariantCulture, $"pages/s={concurrent.Count / wall.Elapsed.TotalSeconds,7:N1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process: peak_ws={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB  allocated={GC.GetTotalAllocatedBytes() / 1048576.0:N0} MiB"));
    }

    /// <summary>What <c>DashboardPage</c> does before rendering: find the unit, its breadcrumb, the synthetic-data label, then the page's figures.</summary>
    private static async Task LoadPageAsync(UnitCatalog units, SourceQueries samples, Func<UnitInfo, Selection, Task> load, (UnitInfo Unit, Selection Selection) target)
    {
        var unit = await units.FindAsync(target.Selection.Set, target.Selection.UnitCode, CancellationToken.None)
                   ?? throw new InvalidOperationException($"unit {target.Selection.UnitCode} not found");
        await units.PathAsync(target.Selection.Set, unit.Code, CancellationToken.None);
        SyntheticNotes.NoteFor(unit, (await samples.AllAsync(CancellationToken.None)).SyntheticUnits);
        await load(unit, target.Selection);
    }

    private static List<(string Name, Func<UnitInfo, Selection, Task> Load)> Pages(IServiceProvider services)
    {
        var overview = services.GetRequiredService<OverviewService>();
        var coverage = services.GetRequiredService<CoverageService>();
        var kcb = services.GetRequiredService<KcbService>();
        var fund = services.GetRequiredService<FundService>();
        var submissions = services.GetRequiredService<SubmissionsService>();
        var anomalies = services.GetRequiredService<AnomalyQueries>();
        var alerts = services.GetRequiredService<AlertQueries>();
        var units = services.GetRequiredService<UnitCatalog>();
        var ct = CancellationToken.None;
        return
        [
            ("Tổng quan", (u, s) => overview.LoadAsync(u, s, ct)),
            ("Bao phủ", (u, s) => coverage.LoadAsync(u, s, ct)),
            ("Khám chữa bệnh", (u, s) => kcb.LoadAsync(u, s, ct)),
            ("Quỹ BHYT", (u, s) => fund.LoadAsync(u, s, ct)),
            ("Báo cáo nộp", async (u, s) =>
            {
                var data = await submissions.LoadAsync(u, s, ct);
                if (data.Submissions.Count > 0) await submissions.IssuesAsync(data.Submissions[0].Id, ct);
            }),
            ("Bất thường", (_, _) => anomalies.AnomaliesAsync(2000, ct)),
            ("Cảnh báo", (u, _) => alerts.AlertsAsync(u, 2000, ct)),
            ("Tìm đơn vị", (u, s) => units.SearchAsync(s.Set, u.Name[(u.Name.IndexOf(' ') + 1)..], 20, ct)),
        ];
    }

    private static async Task<List<(UnitInfo Unit, Selection Selection)>> SelectionsAsync(UnitCatalog units, Random random)
    {
        var pre = Selection.Default;
        var post = Selection.Default with { Set = BoundarySets.Post2025 };
        var country = (await units.FindAsync(pre.Set, BoundarySets.CountryCode, CancellationToken.None))!;
        var provinces = await units.ChildrenAsync(pre.Set, country.Code, CancellationToken.None);
        var newProvinces = await units.ChildrenAsync(post.Set, country.Code, CancellationToken.None);
        var districts = new List<UnitInfo>();
        foreach (var p in provinces) districts.AddRange(await units.ChildrenAsync(pre.Set, p.Code, CancellationToken.None));
        var sampledDistricts = districts.OrderBy(_ => random.Next()).Take(100).ToList();
        var communes = new List<UnitInfo>();
        foreach (var d in sampledDistricts) communes.AddRange(await units.ChildrenAsync(pre.Set, d.Code, CancellationToken.None));

        var list = new List<(UnitInfo, Selection)> { (country, pre), (country, post) };
        list.AddRange(provinces.Select(p => (p, pre with { UnitCode = p.Code })));
        list.AddRange(newProvinces.Select(p => (p, post with { UnitCode = p.Code })));
        list.AddRange(sampledDistricts.Select(d => (d, pre with { UnitCode = d.Code })));
        list.AddRange(communes.OrderBy(_ => random.Next()).Take(100).Select(c => (c, pre with { UnitCode = c.Code })));
        return list;
    }

    private static async Task<string> CountsAsync(IWarehouseEngine engine)
    {
        await using var connection = await engine.OpenAsync(CancellationToken.None);
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var (values, claims, monthly, submissions) =
            (await Count("dw.fct_indicator_value"), await Count("dw.fct_claim"), await Count("dw.fct_claims_monthly"), await Count("etl.submission"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{values:N0} indicator values, {claims:N0} claims, {monthly:N0} claims-monthly rows, {submissions:N0} submissions");
    }

    private static void Print(string name, List<double> times, string extra)
    {
        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-38} n={sorted.Count,6}  p50={Percentile(sorted, 0.5),7:N1} ms  p95={Percentile(sorted, 0.95),7:N1} ms  max={sorted[^1],7:N1} ms  {extra}"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
