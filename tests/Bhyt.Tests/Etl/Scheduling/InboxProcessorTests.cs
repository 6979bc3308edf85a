using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Etl.Sources.Claims.Xml;
using Bhyt.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Tests.Etl.Scheduling;

public class InboxProcessorTests
{
    private const string Good = "unit_code,unit_name,period,indicator,value,value_kind\n672,,2022,cov_participants,220.000,actual\n";
    private const string Bad = "unit_code,unit_name,period,indicator,value,value_kind\n672,,2022,cov_participants,abc,actual\n";

    [Fact]
    public async Task RunOnceAsync_archives_good_files_quarantines_bad_ones_with_reports_and_logs_the_run()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "good.csv"), Good);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "bad.csv"), Bad);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "notes.pdf"), "not a report");

        var run = await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance).RunOnceAsync(CancellationToken.None);

        Assert.Equal((3, 1, 2, "partial"), (run.Files, run.Archived, run.Quarantined, run.Outcome));
        Assert.Empty(Directory.GetFiles(options.Inbox));
        Assert.Single(Directory.GetFiles(options.Archive, "*good.csv"));
        var report = await File.ReadAllTextAsync(Directory.GetFiles(options.Quarantine, "*bad.csv.report.txt").Single());
        Assert.Contains("dòng 2, cột value", report);
        Assert.Single(Directory.GetFiles(options.Quarantine, "*notes.pdf.report.txt"));
        var logged = await warehouse.Engine.QueryAsync<(int Files, string Outcome)>("SELECT files, outcome FROM etl.job_run WHERE job_name = 'inbox'");
        Assert.Equal([(3, "partial")], logged);
    }

    [Fact]
    public async Task RunOnceAsync_loads_the_inbox_one_claim_XML_files_as_one_batch_and_quarantines_only_the_file_it_rejected()
    {
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        for (var i = 1; i <= 12; i++)
            await File.WriteAllTextAsync(Path.Combine(options.Inbox, $"hoso-{i:00}.xml"),
                ClaimXml.Envelope([ClaimXml.Hoso(new Xml1Claim($"IN{i:00}", Total: $"{5_000_000 + i * 1000}", Hospital: $"{5_100_000 + i * 1000}"), i % 2 == 0 ? Content.Base64 : Content.Inline)]),
                TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "hoso-bad.xml"), ClaimXml.Envelope(new Xml1Claim("BAD1", Admitted: "08042026")),
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "good.csv"), Good, TestContext.Current.CancellationToken);

        var run = await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance).RunOnceAsync(CancellationToken.None);

        Assert.Equal((14, 13, 1, "partial"), (run.Files, run.Archived, run.Quarantined, run.Outcome));
        Assert.Empty(Directory.GetFiles(options.Inbox));
        var submissions = await warehouse.Engine.QueryAsync<(string File, string Status, int Rows, int Rejected)>(
            "SELECT file_name, status, rows_loaded, rows_rejected FROM etl.submission WHERE kind = 'claims' ORDER BY submission_id");
        Assert.Equal([("inbox/*.xml (13 tệp)", "loaded", 12, 1)], submissions);
        Assert.Equal([12L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim"));
        Assert.Equal(12, Directory.GetFiles(options.Archive, "*hoso-*.xml").Length);
        var quarantined = Assert.Single(Directory.GetFiles(options.Quarantine, "*.xml"));
        Assert.EndsWith("hoso-bad.xml", quarantined);
        var report = await File.ReadAllTextAsync(quarantined + ".report.txt", TestContext.Current.CancellationToken);
        Assert.Contains("hoso-bad.xml: bị từ chối trong lô (1 lỗi", report);
        Assert.Contains("trường NGAY_VAO", report);
        Assert.Contains("inbox/*.xml (13 tệp): loaded rows=12", await File.ReadAllTextAsync(
            Directory.GetFiles(options.Archive, "*hoso-01.xml.report.txt").Single(), TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFiles(options.Archive, "*good.csv"));
    }

    private static string OneClaim(string id, string? admitted = null) =>
        ClaimXml.Envelope([ClaimXml.Hoso(new Xml1Claim(id, Total: "5000000", Hospital: "5100000", Admitted: admitted ?? "202403011015"), Content.Base64)]);

    /// <summary>
    /// A folder dropped into the inbox is one delivery: its XML files load as one batch named after it, its other importable
    /// files on their own, and it is archived whole with one report (a file no import reads is named there, not lost).
    /// Sent again with its one bad file fixed, only that claim loads.
    /// </summary>
    [Fact]
    public async Task RunOnceAsync_imports_a_dropped_folder_as_one_delivery_and_settles_it_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var folder = Directory.CreateDirectory(Path.Combine(options.Inbox, "giao-2024-03")).FullName;
        for (var i = 1; i <= 4; i++) await File.WriteAllTextAsync(Path.Combine(folder, $"hoso-{i}.xml"), OneClaim($"TM{i}"), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "hoso-5.xml"), OneClaim("TM5", admitted: "01032024"), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "bao-cao.csv"), Good, ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "ghi-chu.json"), "{}", ct);
        using var processor = new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance);

        var first = await processor.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1, "partial"), (first.Files, first.Archived, first.Quarantined, first.Outcome));
        Assert.Empty(Directory.GetFileSystemEntries(options.Inbox));
        var quarantined = Assert.Single(Directory.GetDirectories(options.Quarantine));
        Assert.EndsWith("_giao-2024-03", quarantined);
        Assert.Equal(7, Directory.GetFiles(quarantined).Length);
        var report = await File.ReadAllTextAsync(quarantined + ".report.txt", ct);
        Assert.Contains("giao-2024-03/*.xml (5 tệp): loaded rows=4", report);
        Assert.Contains("tệp hoso-5.xml, HOSO 1, MA_LK TM5, trường NGAY_VAO", report);
        Assert.Contains("bao-cao.csv: loaded", report);
        Assert.Contains("ghi-chu.json: không phải loại tệp nạp được", report);
        Assert.Equal(["TM1", "TM2", "TM3", "TM4"], await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim ORDER BY claim_id"));

        // The delivery sent again, its bad file fixed.
        var again = Directory.CreateDirectory(Path.Combine(options.Inbox, "giao-2024-03")).FullName;
        foreach (var file in Directory.GetFiles(quarantined)) File.Copy(file, Path.Combine(again, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(again, "hoso-5.xml"), OneClaim("TM5"), ct);
        var second = await processor.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1, 0, "ok"), (second.Files, second.Archived, second.Quarantined, second.Outcome));
        var archived = Assert.Single(Directory.GetDirectories(options.Archive));
        var secondReport = await File.ReadAllTextAsync(archived + ".report.txt", ct);
        Assert.Contains("giao-2024-03/*.xml (5 tệp): loaded rows=1", secondReport);
        Assert.Contains("bao-cao.csv: duplicate", secondReport);
        Assert.Equal(["TM1", "TM2", "TM3", "TM4", "TM5"], await warehouse.Engine.QueryAsync<string>("SELECT claim_id FROM dw.fct_claim ORDER BY claim_id"));
    }

    /// <summary>A folder still being copied (a file in it changed within the settle time) waits for a later pass; an empty one is left alone.</summary>
    [Fact]
    public async Task RunOnceAsync_leaves_a_folder_that_is_still_changing_or_empty()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await ClaimXmlWarehouse.WithFacilitiesAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var folder = Directory.CreateDirectory(Path.Combine(options.Inbox, "dang-chep")).FullName;
        var empty = Directory.CreateDirectory(Path.Combine(options.Inbox, "chua-chep")).FullName;
        var old = DateTime.UtcNow.AddHours(-1);
        Directory.SetLastWriteTimeUtc(empty, old);
        await File.WriteAllTextAsync(Path.Combine(folder, "hoso-1.xml"), OneClaim("CH1"), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "hoso-2.xml"), OneClaim("CH2"), ct);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "hoso-1.xml"), old);
        Directory.SetLastWriteTimeUtc(folder, old);
        using var processor = new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance);

        var waiting = await processor.RunOnceAsync(CancellationToken.None);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "hoso-2.xml"), old);
        var settled = await processor.RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, "idle"), (waiting.Files, waiting.Outcome));
        Assert.Equal((1, 1), (settled.Files, settled.Archived));
        Assert.True(Directory.Exists(empty), "an empty folder was taken");
        Assert.Equal([2L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM dw.fct_claim"));
    }

    [Fact]
    public async Task Scheduler_picks_a_dropped_file_within_90_seconds()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, options);
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        Directory.CreateDirectory(options.Inbox);

        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "dropped.csv"), Good, TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (File.Exists(Path.Combine(options.Inbox, "dropped.csv")) && DateTime.UtcNow < deadline)
            await Task.Delay(250, TestContext.Current.CancellationToken);
        await host.StopAsync(CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(options.Inbox, "dropped.csv")), "the scheduler did not take the file within 90 s");
        Assert.Equal(220000m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
    }
}
