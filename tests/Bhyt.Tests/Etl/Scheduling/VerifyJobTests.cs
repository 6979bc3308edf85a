using Bhyt.Etl.Scheduling;
using Bhyt.Etl.Verification;
using Bhyt.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace Bhyt.Tests.Etl.Scheduling;

public class VerifyJobTests
{
    private static VerifyJob Job(TempWarehouse warehouse) =>
        new(new WarehouseVerifier(warehouse.Engine), new VerifyRunStore(warehouse.Engine), NullLogger<VerifyJob>.Instance);

    [Fact]
    public async Task RunOnceAsync_damaged_then_repaired_warehouse_stores_each_run_and_last_is_the_newest()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var store = new VerifyRunStore(warehouse.Engine);
        Assert.Null(await store.LastAsync(CancellationToken.None));
        await ExecuteAsync(warehouse, """
            INSERT INTO etl.submission (submission_id, file_name, sha256, kind, received_at, status, rows_loaded, rows_rejected, warnings)
            VALUES (41, 'ho-so-thang-5.xml', 'ab', 'claims', TIMESTAMP '2026-05-02 08:00:00', 'loaded', 12, 0, 0)
            """);

        var damaged = await Job(warehouse).RunOnceAsync(CancellationToken.None);
        var stored = await store.LastAsync(CancellationToken.None);
        await ExecuteAsync(warehouse, "UPDATE etl.submission SET rows_loaded = 0 WHERE submission_id = 41");
        var repaired = await Job(warehouse).RunOnceAsync(CancellationToken.None);
        var last = await store.LastAsync(CancellationToken.None);

        var finding = Assert.Single(damaged.Findings);
        Assert.Equal(SubmissionCounts.ClaimCount, finding.Code);
        Assert.Equal(damaged.Findings.Select(f => (f.Code, f.Table, f.Count, string.Join('|', f.Examples), f.Message)),
            stored!.Findings.Select(f => (f.Code, f.Table, f.Count, string.Join('|', f.Examples), f.Message)));
        Assert.Contains("ho-so-thang-5.xml", stored.Findings[0].Message);
        Assert.True(repaired.IsClean);
        Assert.True(last!.IsClean);
        Assert.True(last.StartedAt >= stored.StartedAt);
        Assert.Equal([2L], await warehouse.Engine.QueryAsync<long>("SELECT count(*) FROM etl.verify_run"));
    }

    [Fact]
    public async Task AddBhytScheduler_verify_cron_setting_schedules_the_verify_job_default_at_0230()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();

        Assert.Equal("0 30 2 * * ?", await CronOfVerifyTriggerAsync(warehouse, null));
        Assert.Equal("0 15 3 ? * SUN", await CronOfVerifyTriggerAsync(warehouse, "0 15 3 ? * SUN"));
        Assert.Throws<ArgumentException>(() => VerifyJob.Cron("mỗi đêm"));
    }

    private static async Task<string> CronOfVerifyTriggerAsync(TempWarehouse warehouse, string? cron)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromHours(1), TimeSpan.Zero), cron);
        using var host = builder.Build();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("verify-trigger", "etl")))!;
        Assert.Equal(VerifyJob.Key, trigger.JobKey);
        await scheduler.Shutdown();
        return trigger.CronExpressionString!;
    }

    private static async Task ExecuteAsync(TempWarehouse warehouse, string sql)
    {
        await using var connection = await warehouse.Engine.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(warehouse.Engine.Sql(sql));
    }
}
