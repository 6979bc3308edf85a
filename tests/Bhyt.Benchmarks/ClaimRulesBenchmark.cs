using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bhyt.Etl.Detection;
using Bhyt.Etl.Detection.Claims;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Benchmarks;

/// <summary>
/// The claim rules (<see cref="ClaimRulesDetector"/>) over a warehouse, one kind at a time: seconds, findings and the
/// process's peak RSS; with the generator's truth.json, precision and recall of duplicate_claim and overlapping_stay
/// matched by claim id (a planted pair is two claims; a flagged claim is a true positive when it belongs to a planted
/// pair of the same kind; a pair counts as found when both its claims are flagged).
/// </summary>
public static class ClaimRulesBenchmark
{
    public static async Task RunAsync(string warehouse, string? truthPath)
    {
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
        await using var connection = await engine.OpenAsync(CancellationToken.None); // the memory-capped connection bhyt detect writes through
        var context = new DetectionContext(engine, connection, null, null);
        var all = ClaimRule.Defaults();
        var findings = new List<AnomalyFinding>();
        var total = Stopwatch.StartNew();
        foreach (var kind in ClaimRulesDetector.SupportedKinds)
        {
            var clock = Stopwatch.StartNew();
            var found = await new ClaimRulesDetector(all.Where(r => r.Kind == kind).ToList()).DetectAsync(context, CancellationToken.None);
            findings.AddRange(found);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-22} {clock.Elapsed.TotalSeconds,8:N2} s  findings={found.Count,8:N0}  peak_rss={PeakMib(),7:N0} MiB"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all rules",-22} {total.Elapsed.TotalSeconds,8:N2} s  findings={findings.Count,8:N0}"));
        foreach (var sample in findings.GroupBy(f => f.Method).Select(g => g.First()))
            Console.WriteLine($"  {sample.Method} [{sample.Severity}] {sample.Explanation}");
        if (truthPath is null) return;

        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        foreach (var kind in new[] { AnomalyKinds.DuplicateClaim, AnomalyKinds.OverlappingStay })
        {
            var pairs = truth.RootElement.EnumerateArray().Where(p => p.GetProperty("kind").GetString() == kind)
                .Select(p => p.GetProperty("subject").GetString()!.Split('|')).ToList();
            var planted = pairs.SelectMany(p => p).ToHashSet();
            var flagged = findings.Where(f => f.Kind == kind).Select(f => f.ClaimId!).ToHashSet();
            var hits = flagged.Count(planted.Contains);
            var pairsFound = pairs.Count(p => p.All(flagged.Contains));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-18} planted claims={planted.Count} flagged={flagged.Count} tp={hits} precision={(flagged.Count == 0 ? 0 : (double)hits / flagged.Count):0.000} " +
                $"recall={(planted.Count == 0 ? 0 : (double)hits / planted.Count):0.000}  pairs {pairsFound}/{pairs.Count}"));
        }
    }

    private static double PeakMib() => File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).FirstOrDefault();
}
