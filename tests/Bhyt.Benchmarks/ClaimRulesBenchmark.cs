using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Claims;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;
using Dapper;

namespace Bhyt.Benchmarks;

/// <summary>
/// The claim rules (<see cref="ClaimRulesDetector"/>) over a warehouse, all rules in one detection run as <c>bhyt detect</c>
/// runs them: wall time, claims per second, findings per rule and the process's peak RSS.
/// <list type="bullet">
/// <item><c>claimrules synth &lt;claims&gt; &lt;warehouse.duckdb&gt;</c>: builds the warehouse inside DuckDB
/// (<see cref="SyntheticClaimsWarehouse"/>) when the file does not exist (and stops: building needs memory that would
/// blur detection's peak RSS), otherwise detects and scores against the planted rows.</item>
/// <item><c>claimrules &lt;warehouse&gt; [truth.json]</c>: an existing warehouse (<c>bhyt generate</c> + <c>bhyt import</c>);
/// with the generator's truth.json, precision and recall of the claim kinds matched by claim id (a planted pair
/// "claimA|claimB" is two planted claims).</item>
/// </list>
/// </summary>
public static class ClaimRulesBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        if (args is ["synth", var count, var path])
        {
            var warehouse = Path.GetFullPath(path);
            if (!File.Exists(warehouse))
            {
                await SyntheticClaimsWarehouse.BuildAsync(warehouse, long.Parse(count, CultureInfo.InvariantCulture));
                Console.WriteLine("Built; run the same command again to detect (a fresh process, so its peak RSS is detection's own).");
                return;
            }
            var findings = await DetectAsync(warehouse);
            await using var connection = await WarehouseEngine.For(WarehouseTarget.Parse(warehouse)).OpenAsync(CancellationToken.None);
            Score(findings, await SyntheticClaimsWarehouse.PlantedAsync(connection));
        }
        else if (args is [var path2, ..])
        {
            var findings = await DetectAsync(Path.GetFullPath(path2));
            if (args.Length > 1) Score(findings, TruthJson(Path.GetFullPath(args[1])));
        }
        else Console.WriteLine("claimrules synth <claims> <warehouse.duckdb> | claimrules <warehouse> [truth.json]");
    }

    private static async Task<IReadOnlyList<AnomalyFinding>> DetectAsync(string warehouse)
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
        await using var connection = await engine.OpenAsync(CancellationToken.None); // the memory-capped connection bhyt detect writes through
        var claims = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM dw.fct_claim");
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var findings = await new ClaimRulesDetector().DetectAsync(new DetectionContext(engine, connection, null, null), CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"claim rules over {claims:N0} claims: {seconds:N2} s  {claims / seconds:N0} claims/s  cpu={CpuSince(cpu):N1} s  " +
            $"findings={findings.Count:N0}  peak_rss={PeakMib():N0} MiB  load={LoadAverage()}"));
        foreach (var rule in findings.GroupBy(f => f.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule.Key,-16} {rule.Count(),8:N0}  e.g. {rule.First().Explanation}"));
        if (Environment.GetEnvironmentVariable("BHYT_BENCH_PER_KIND") == "1")
            foreach (var kind in ClaimRulesDetector.SupportedKinds)
            {
                var one = Stopwatch.StartNew();
                var oneCpu = Process.GetCurrentProcess().TotalProcessorTime;
                var rules = ClaimRule.Defaults().Where(r => r.Kind == kind).ToList();
                await new ClaimRulesDetector(rules).DetectAsync(new DetectionContext(engine, connection, null, null), CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind} alone: {one.Elapsed.TotalSeconds:N2} s  cpu={CpuSince(oneCpu):N1} s"));
            }
        return findings;
    }

    /// <summary>Precision and recall per kind: a finding is a hit when its claim id (card: subject) was planted.</summary>
    private static void Score(IReadOnlyList<AnomalyFinding> findings, ILookup<string, string> planted)
    {
        foreach (var kind in ClaimRulesDetector.SupportedKinds)
        {
            var truth = planted[kind].ToHashSet(StringComparer.Ordinal);
            if (truth.Count == 0) continue;
            var flagged = findings.Where(f => f.Kind == kind).Select(f => f.ClaimId ?? f.SubjectCode).ToHashSet(StringComparer.Ordinal);
            var hits = flagged.Count(truth.Contains);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-22} planted={truth.Count,5} flagged={flagged.Count,7} precision={(flagged.Count == 0 ? 0 : (double)hits / flagged.Count):0.000} recall={(double)hits / truth.Count:0.000}"));
        }
    }

    private static ILookup<string, string> TruthJson(string path)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(path));
        return truth.RootElement.EnumerateArray()
            .SelectMany(p => p.GetProperty("subject").GetString()!.Split('|').Select(s => (Kind: p.GetProperty("kind").GetString()!, Subject: s)))
            .ToLookup(p => p.Kind, p => p.Subject);
    }

    /// <summary>CPU seconds of this process since <paramref name="start"/>: on a shared machine, the figure the others' load does not inflate.</summary>
    private static double CpuSince(TimeSpan start) => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double PeakMib() => File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).FirstOrDefault();
}
