using System.Diagnostics;
using Bhyt.Etl.Verification;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>
/// <c>bhyt import</c> killed with SIGKILL at random points, then — as an operator would — run again: the warehouse ends
/// exactly as one clean load leaves it (counts and sums equal the reference), no submission is half recorded, no file
/// is loaded twice, and <c>bhyt verify</c>'s checks find nothing.
/// </summary>
[Collection(CrashSafetyCollection.Name)]
public sealed class ImportKillTests(CrashInputs inputs)
{
    [Theory]
    [InlineData("claims-csv", 6)]
    [InlineData("claims-xml", 5)]
    [InlineData("submission-csv", 6)]
    [InlineData("report-docx", 3)]
    [InlineData("report-xlsx", 3)]
    public async Task Import_killed_at_random_points_then_run_again_loads_the_file_exactly_once(string kind, int kills)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = inputs.Files[kind];
        var killer = new KillSwitch($"import {kind}");
        var clean = await CleanRunTimeAsync(file, ct);
        KillSwitch.Log($"  a clean `bhyt import` of {Path.GetFileName(file)} takes {clean.TotalMilliseconds:0} ms");

        for (var attempt = 1; killer.Kills < kills && attempt <= kills * 3; attempt++)
        {
            var folder = Path.Combine(inputs.Folder, $"{kind}-{attempt}");
            var warehouse = inputs.CopyTemplate(folder);
            // From process start (runtime start-up, opening the file) to the end of a clean run: every phase can be hit.
            var delay = killer.Between(TimeSpan.FromMilliseconds(100), clean * 1.05);
            var killed = await killer.KillAfterAsync(KillSwitch.Bhyt("import", file, "--warehouse", warehouse), delay, $"bhyt import {kind}", ct);

            var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
            var rerun = await CrashInputs.ImportAsync(engine, file);
            var report = await new WarehouseVerifier(engine).VerifyAsync(ct);
            var after = await WarehouseFingerprint.ReadAsync(engine);

            var context = $"{kind}, seed {killer.Seed}, attempt {attempt}, {(killed ? "killed" : "not killed")} at {delay.TotalMilliseconds:0} ms, re-run {rerun.Submission.Status}";
            Assert.True(rerun.Submission.Status is "loaded" or "duplicate", context);
            Assert.True(report.IsClean, $"{context}: verify found {string.Join("; ", report.Findings.Select(f => f.Message))}");
            Assert.Equal(inputs.Reference(kind), after);
            Assert.Equal(0, after.HalfRecorded);
            Directory.Delete(folder, recursive: true);
        }
        KillSwitch.Log($"{kind}: {killer.Kills} kills, {killer.Finished} runs finished before their kill; every recovery exact");
        Assert.True(killer.Kills >= kills, $"{kind}: only {killer.Kills} of {kills} kills hit a running import (seed {killer.Seed})");
    }

    private async Task<TimeSpan> CleanRunTimeAsync(string file, CancellationToken ct)
    {
        var folder = Path.Combine(inputs.Folder, "clean-" + Guid.NewGuid().ToString("N"));
        var warehouse = inputs.CopyTemplate(folder);
        var clock = Stopwatch.StartNew();
        using var child = KillSwitch.Start(KillSwitch.Bhyt("import", file, "--warehouse", warehouse));
        await child.WaitForExitAsync(ct);
        var elapsed = clock.Elapsed;
        Assert.Equal(0, child.ExitCode);
        Directory.Delete(folder, recursive: true);
        return elapsed;
    }
}
