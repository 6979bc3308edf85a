using System.Diagnostics;
using Bhyt.Etl.Scheduling;
using Bhyt.Etl.Verification;
using Bhyt.Tests.Support;
using Bhyt.Warehouse.Engines;

namespace Bhyt.Tests.Etl.CrashSafety;

/// <summary>
/// The inbox scheduler killed with SIGKILL at random points while it claims and loads files — as <c>bhyt schedule</c>
/// and inside the dashboard host — and started again each time: after every kill each dropped file is in exactly one
/// place; once a last run has settled them, good files are archived, the bad one quarantined, the warehouse equals a
/// clean load of the good files, a clean re-import changes nothing and verification finds nothing.
/// </summary>
[Collection(CrashSafetyCollection.Name)]
public sealed class SchedulerKillTests(CrashInputs inputs)
{
    [Theory]
    [InlineData("cli", 6)]
    [InlineData("dashboard", 4)]
    public async Task Scheduler_killed_at_random_points_and_restarted_settles_every_file_once(string host, int kills)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(inputs.Folder, $"sched-{host}");
        var warehouse = inputs.CopyTemplate(folder);
        var inbox = new InboxOptions(Path.Combine(folder, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var dropped = Drop(inbox, [.. inputs.Files.Values, inputs.Refused]);
        var start = host == "cli" ? (Func<ProcessStartInfo>)(() => SchedulerChild.Cli(warehouse, inbox)) : () => SchedulerChild.Dashboard(warehouse, inbox);
        var killer = new KillSwitch($"scheduler {host}");
        // The dashboard starts slower than the CLI: its kills spread over a longer window.
        var window = host == "cli" ? TimeSpan.FromSeconds(9) : TimeSpan.FromSeconds(14);

        for (var attempt = 1; killer.Kills < kills && attempt <= kills * 3; attempt++)
        {
            await killer.KillAfterAsync(start(), killer.Between(TimeSpan.FromMilliseconds(300), window), $"{host} scheduler", ct);
            var census = InboxCensus.Take(inbox);
            KillSwitch.Log($"    inbox {census.CountIn("inbox")}, processing {census.CountIn("processing")}, archive {census.CountIn("archive")}, quarantine {census.CountIn("quarantine")}");
            Assert.Empty(census.Misplaced(dropped));
        }
        using (var last = KillSwitch.Start(start()))
        {
            var settled = await SchedulerChild.WaitSettledAsync(inbox, dropped, TimeSpan.FromMinutes(3), ct);
            await SchedulerChild.StopAsync(last);
            Assert.Empty(settled.Misplaced(dropped));
        }

        var final = InboxCensus.Take(inbox);
        Assert.Empty(final.Misplaced(dropped));
        Assert.Equal(["quarantine"], final.Places[Path.GetFileName(inputs.Refused)]);
        Assert.Equal(dropped.Count - 1, final.CountIn("archive"));
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
        Assert.Equal(inputs.ReferenceOfAll, await WarehouseFingerprint.ReadAsync(engine));
        foreach (var file in inputs.Files.Values)
            Assert.Equal("duplicate", (await CrashInputs.ImportAsync(engine, file)).Submission.Status);
        Assert.Equal(inputs.ReferenceOfAll, await WarehouseFingerprint.ReadAsync(engine));
        var report = await new WarehouseVerifier(engine).VerifyAsync(ct);
        Assert.True(report.IsClean, string.Join("; ", report.Findings.Select(f => f.Message)));
        KillSwitch.Log($"{host}: {killer.Kills} kills, {killer.Finished} runs ended before their kill; every file settled once, warehouse exact");
        Assert.True(killer.Kills >= kills, $"only {killer.Kills} kills hit a running scheduler (seed {killer.Seed})");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_schedulers_on_one_inbox_load_every_file_once_even_when_one_is_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(inputs.Folder, "sched-two");
        var warehouse = inputs.CopyTemplate(folder);
        var inbox = new InboxOptions(Path.Combine(folder, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var staging = Path.Combine(folder, "staging");
        var dropped = Enumerable.Range(0, 16).Select(i => WriteSubmission(staging, i)).ToList();
        var killer = new KillSwitch("two schedulers");

        using var first = KillSwitch.Start(SchedulerChild.Cli(warehouse, inbox));
        // The second worker runs beside the first and is killed once at a random point of the shared work, then started again.
        var second = killer.KillAfterAsync(SchedulerChild.Cli(warehouse, inbox), killer.Between(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(11)), "second scheduler", ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct); // both started: the files arrive while both poll
        Directory.CreateDirectory(inbox.Inbox);
        foreach (var name in dropped) File.Move(Path.Combine(staging, name), Path.Combine(inbox.Inbox, name));
        await second;
        Assert.Empty(InboxCensus.Take(inbox).Misplaced(dropped));
        using var restarted = KillSwitch.Start(SchedulerChild.Cli(warehouse, inbox));
        var settled = await SchedulerChild.WaitSettledAsync(inbox, dropped, TimeSpan.FromMinutes(3), ct);
        await Task.WhenAll(SchedulerChild.StopAsync(first), SchedulerChild.StopAsync(restarted));

        Assert.Empty(settled.Misplaced(dropped));
        Assert.Equal(dropped.Count, settled.CountIn("archive"));
        var engine = WarehouseEngine.For(WarehouseTarget.Parse(warehouse));
        var statuses = (await engine.QueryAsync<(string File, string Status)>(
            "SELECT file_name, status FROM etl.submission WHERE kind = 'submission' ORDER BY file_name, submission_id")).ToList();
        var loaded = statuses.Where(s => s.Status == "loaded").Select(s => s.File).ToList();
        Assert.Equal(dropped.Order(StringComparer.Ordinal), loaded.Order(StringComparer.Ordinal));
        // A second take of a file (a claim renamed by both) would show as a duplicate submission; only a file whose
        // load committed just before the kill may be taken again, and then as a duplicate of itself.
        Assert.True(statuses.Count(s => s.Status == "duplicate") <= killer.Kills, string.Join(", ", statuses));
        var workers = Directory.GetFiles(inbox.Archive, "*.report.txt").Select(r => File.ReadLines(r).Last()).GroupBy(w => w)
            .Select(g => $"{g.Key[(g.Key.IndexOf(':') + 2)..]}: {g.Count()}").ToList();
        KillSwitch.Log($"  files per worker — {string.Join(", ", workers)}");
        // How the files were shared is not asserted: DuckDB lets one process write at a time, so a worker may wait on the
        // file's lock for the whole run. The claim race itself is ProcessingLeaseTests'.
        KillSwitch.Log($"two schedulers: {dropped.Count} files, {loaded.Count} loaded once, {statuses.Count(s => s.Status == "duplicate")} duplicate re-takes after {killer.Kills} kill(s)");
        Directory.Delete(folder, recursive: true);
    }

    private static List<string> Drop(InboxOptions inbox, IEnumerable<string> files)
    {
        Directory.CreateDirectory(inbox.Inbox);
        var names = new List<string>();
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(inbox.Inbox, Path.GetFileName(file)));
            names.Add(Path.GetFileName(file));
        }
        return names;
    }

    /// <summary>A submission of its own: one year of a unit's monthly participants and population, distinct values per file.</summary>
    private static string WriteSubmission(string folder, int i)
    {
        Directory.CreateDirectory(folder);
        var year = 2009 + i;
        var name = $"bc_da_lat_{year}.csv";
        var csv = new System.Text.StringBuilder("unit_code,unit_name,period,indicator,value,value_kind\n");
        for (var month = 1; month <= 12; month++)
            csv.Append($"672,Thành phố Đà Lạt,{year}-{month:00},cov_participants,{150_000 + 3_100 * i + 40 * month},actual\n")
               .Append($"672,Thành phố Đà Lạt,{year}-{month:00},cov_population,{186_000 + 900 * i + 15 * month},actual\n");
        File.WriteAllText(Path.Combine(folder, name), csv.ToString());
        return name;
    }
}
