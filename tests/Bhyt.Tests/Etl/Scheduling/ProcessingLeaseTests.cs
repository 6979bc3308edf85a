using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Tests.Etl.Scheduling;

public sealed class ProcessingLeaseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bhyt-lease-").FullName;

    private InboxOptions Options => new(Path.Combine(_root, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task TryClaim_by_two_workers_racing_over_one_inbox_gives_every_file_to_exactly_one()
    {
        var options = Options;
        Directory.CreateDirectory(options.Inbox);
        var names = Enumerable.Range(1, 400).Select(i => $"baocao_{i:000}.csv").ToList();
        foreach (var name in names) await File.WriteAllTextAsync(Path.Combine(options.Inbox, name), name, TestContext.Current.CancellationToken);
        using var first = ProcessingLease.Acquire(options);
        using var second = ProcessingLease.Acquire(options);
        using var start = new Barrier(2);
        // Each worker, once it has made its first claim, waits (at most 10 s) until the other has made its own: on a loaded
        // machine one thread could otherwise rename all 400 files before the other is scheduled at all.
        using var firstClaimed = new CountdownEvent(2);

        List<string> Claim(ProcessingLease lease, IEnumerable<string> order)
        {
            start.SignalAndWait();
            var taken = new List<string>();
            foreach (var name in order)
            {
                var claimed = lease.TryClaim(Path.Combine(options.Inbox, name));
                if (claimed is null) continue;
                taken.Add(claimed);
                if (taken.Count > 1) continue;
                firstClaimed.Signal();
                firstClaimed.Wait(TimeSpan.FromSeconds(10));
            }
            return taken;
        }
        var claims = await Task.WhenAll(Task.Run(() => Claim(first, names)), Task.Run(() => Claim(second, Enumerable.Reverse(names))));

        Assert.Equal(names, claims.SelectMany(c => c).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(claims[0], c => Assert.Equal(first.Folder, Path.GetDirectoryName(c)));
        Assert.All(claims[1], c => Assert.Equal(second.Folder, Path.GetDirectoryName(c)));
        Assert.Empty(Directory.GetFiles(options.Inbox));
        Assert.True(claims[0].Count > 0 && claims[1].Count > 0, $"one worker took all {names.Count} files: the race was not run");
    }

    [Fact]
    public void RecoverAbandoned_returns_the_files_of_a_worker_whose_lock_is_free_and_leaves_a_live_workers_files()
    {
        var options = Options;
        Directory.CreateDirectory(options.Inbox);
        var dead = Path.Combine(options.Processing, "may-chu-4242-deadbeef");
        Directory.CreateDirectory(dead);
        File.WriteAllText(dead + ".lock", "");
        File.WriteAllText(Path.Combine(dead, "xa_ya_la.docx"), "dở dang");
        File.WriteAllText(Path.Combine(options.Inbox, "xa_ya_la.docx"), "bản gửi lại cùng tên");
        using var live = ProcessingLease.Acquire(options);
        File.WriteAllText(Path.Combine(options.Inbox, "claims.csv"), "MA_LK");
        var liveClaim = live.TryClaim(Path.Combine(options.Inbox, "claims.csv"))!;
        using var starting = ProcessingLease.Acquire(options);

        var recovered = starting.RecoverAbandoned();

        Assert.Equal(["xa_ya_la (2).docx"], recovered.Select(Path.GetFileName));
        Assert.Equal("dở dang", File.ReadAllText(Path.Combine(options.Inbox, "xa_ya_la (2).docx")));
        Assert.False(Directory.Exists(dead));
        Assert.False(File.Exists(dead + ".lock"));
        Assert.True(File.Exists(liveClaim), "a live worker's claimed file was taken from it");
    }

    /// <summary>A folder claimed whole by a worker that died goes back to the inbox whole; one the worker still holds is returned when it stops.</summary>
    [Fact]
    public void A_claimed_folder_is_recovered_and_returned_whole()
    {
        var options = Options;
        Directory.CreateDirectory(options.Inbox);
        var dead = Path.Combine(options.Processing, "may-chu-5-feedface");
        Directory.CreateDirectory(Path.Combine(dead, "giao-03"));
        File.WriteAllText(Path.Combine(dead, "giao-03", "hoso-1.xml"), "<GIAMDINHHS/>");
        File.WriteAllText(dead + ".lock", "");
        Directory.CreateDirectory(Path.Combine(options.Inbox, "giao-04"));
        File.WriteAllText(Path.Combine(options.Inbox, "giao-04", "hoso-2.xml"), "<GIAMDINHHS/>");

        string? claimed;
        using (var lease = ProcessingLease.Acquire(options))
        {
            Assert.Equal([Path.Combine(options.Inbox, "giao-03")], lease.RecoverAbandoned());
            claimed = lease.TryClaimFolder(Path.Combine(options.Inbox, "giao-04"));
            Assert.Null(lease.TryClaimFolder(Path.Combine(options.Inbox, "giao-04")));
            Assert.True(File.Exists(Path.Combine(claimed!, "hoso-2.xml")));
        }

        Assert.True(File.Exists(Path.Combine(options.Inbox, "giao-03", "hoso-1.xml")));
        Assert.True(File.Exists(Path.Combine(options.Inbox, "giao-04", "hoso-2.xml")), "a folder still claimed when the worker stopped was not returned");
        Assert.False(Directory.Exists(dead));
    }

    [Fact]
    public async Task RunOnceAsync_after_a_crash_that_followed_the_commit_archives_the_file_as_a_duplicate_without_doubling_it()
    {
        const string submission = "unit_code,unit_name,period,indicator,value,value_kind\n672,,2022,cov_participants,220.000,actual\n";
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        var loaded = Path.Combine(warehouse.Directory, "bc_672_2022.csv");
        await File.WriteAllTextAsync(loaded, submission, TestContext.Current.CancellationToken);
        await (await Bhyt.Etl.Import.ImportService.CreateAsync(warehouse.Engine, CancellationToken.None))
            .ImportAsync(loaded, new Bhyt.Etl.Import.ImportOptions(), null, CancellationToken.None);
        // A worker killed after its load committed, before the file left processing/.
        var dead = Path.Combine(options.Processing, "may-chu-7-0badf00d");
        Directory.CreateDirectory(dead);
        File.Move(loaded, Path.Combine(dead, "bc_672_2022.csv"));

        using var processor = new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance);
        var run = await processor.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1), (run.Files, run.Archived));
        Assert.Empty(Directory.GetFiles(options.Processing, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)));
        Assert.Contains("duplicate", await File.ReadAllTextAsync(Directory.GetFiles(options.Archive, "*.report.txt").Single(), TestContext.Current.CancellationToken),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(220000m, await warehouse.Engine.ValueAsync("672", "2022", "cov_participants"));
        var statuses = await warehouse.Engine.QueryAsync<string>("SELECT status FROM etl.submission ORDER BY submission_id");
        Assert.Equal(["loaded", "duplicate"], statuses);
    }
}
