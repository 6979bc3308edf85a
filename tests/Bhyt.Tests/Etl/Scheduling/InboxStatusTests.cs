using Bhyt.Etl.Import.Progress;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Tests.Etl.Scheduling;

/// <summary>What the dashboard's inbox bar reads: the inbox job's reports of each file it loads.</summary>
public class InboxStatusTests
{
    [Fact]
    public async Task RunOnceAsync_reports_each_file_read_to_the_end_then_done_with_its_rows()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        var rows = Enumerable.Range(0, 20).Select(i => $"672,,{2005 + i},cov_participants,{200_000 + i * 1000},actual");
        await File.WriteAllLinesAsync(Path.Combine(options.Inbox, "so-lieu.csv"), ["unit_code,unit_name,period,indicator,value,value_kind", .. rows],
            TestContext.Current.CancellationToken);
        var status = new InboxStatus();
        var reports = new List<LoadProgress>();
        status.Changed += reports.Add;

        await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance, status: status).RunOnceAsync(CancellationToken.None);

        Assert.All(reports, r => Assert.Equal("so-lieu.csv", r.File));
        Assert.Equal([LoadPhase.Hashing, LoadPhase.Reading, LoadPhase.Checking, LoadPhase.Saving, LoadPhase.Done], reports.Select(r => r.Phase).Distinct());
        Assert.Contains(reports, r => r is { Phase: LoadPhase.Reading, PercentRead: 100 });
        Assert.Equal(LoadPhase.Done, status.Latest!.Phase);
        Assert.False(status.IsLoading);
    }

    [Fact]
    public async Task RunOnceAsync_a_file_that_cannot_be_read_ends_its_progress_as_failed_not_loading()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "bao-cao-hong.pdf"), "không phải PDF", TestContext.Current.CancellationToken);
        var status = new InboxStatus();

        var run = await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance, status: status).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, run.Quarantined);
        Assert.Equal(("bao-cao-hong.pdf", LoadPhase.Failed), (status.Latest!.File, status.Latest.Phase));
        Assert.False(status.IsLoading);
    }
}
