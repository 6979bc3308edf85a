using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bhyt.Tests.Etl.Scheduling;

public class JobStoreSettingsTests
{
    private static IConfigurationSection Scheduler(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("Scheduler:" + s.Key, s.Value)))
            .Build().GetSection("Scheduler");

    [Fact]
    public async Task AddBhytScheduler_without_a_job_store_section_keeps_the_in_memory_store()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var metadata = await MetadataAsync(warehouse, Scheduler(("Inbox", Path.Combine(warehouse.Directory, "inbox"))));

        Assert.Equal("RAMJobStore", metadata.JobStoreTypeName.Split(',')[0].Split('.')[^1]);
        Assert.False(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
    }

    [Fact]
    public void From_sqlserver_section_reads_a_clustered_store_with_the_default_prefix_unless_told_otherwise()
    {
        var section = Scheduler(("JobStore:Type", "SqlServer"), ("JobStore:ConnectionString", "Server=sql01;Database=bhyt_quartz;Integrated Security=true"),
            ("JobStore:SchedulerName", "bhyt-etl-tinh"), ("JobStore:CheckinIntervalSeconds", "20"));

        var settings = JobStoreSettings.From(section.GetSection("JobStore"));

        Assert.Equal((JobStoreSettings.SqlServer, true, "QRTZ_", "bhyt-etl-tinh", TimeSpan.FromSeconds(20)),
            (settings.Type, settings.Clustered, settings.TablePrefix, settings.SchedulerName, settings.CheckinInterval));
        Assert.True(settings.IsPersistent);
        Assert.False(JobStoreSettings.From(Scheduler(("JobStore:Type", "sqlserver"), ("JobStore:ConnectionString", "Server=x"), ("JobStore:Clustered", "false"))
            .GetSection("JobStore")).Clustered);
    }

    [Theory]
    [InlineData("sqlserver", null, "ConnectionString")]
    [InlineData("postgres", "Server=x", "Type")]
    public void From_refuses_a_store_it_cannot_build_naming_the_setting(string type, string? connection, string setting)
    {
        var section = Scheduler(("JobStore:Type", type), ("JobStore:ConnectionString", connection ?? ""));

        var error = Assert.Throws<ArgumentException>(() => JobStoreSettings.From(section.GetSection("JobStore")));

        Assert.Contains($"Scheduler:JobStore:{setting}", error.Message);
    }

    private static async Task<SchedulerMetadata> MetadataAsync(TempWarehouse warehouse, IConfiguration scheduler)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, scheduler);
        using var host = builder.Build();
        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        return await quartz.GetMetadata(TestContext.Current.CancellationToken);
    }
}
