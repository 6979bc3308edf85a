using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Support;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bhyt.Tests.SqlServer;

/// <summary>
/// Two ETL schedulers clustered over the Quartz tables of sql/sqlserver/quartz on the server <c>BHYT_TEST_SQLSERVER</c>
/// names (skipped without one): both start on the tables the script creates, report a clustered persistent store, and
/// the inbox files dropped for them are each loaded once.
/// </summary>
public class SqlServerQuartzClusterTests
{
    [Fact]
    public async Task Two_clustered_schedulers_on_the_quartz_tables_share_one_inbox_and_load_each_file_once()
    {
        var connection = Environment.GetEnvironmentVariable(SqlServerWarehouseFixture.EnvironmentVariable);
        if (string.IsNullOrEmpty(connection)) Assert.Skip($"{SqlServerWarehouseFixture.EnvironmentVariable} is not set: the clustered job store needs a server");
        var ct = TestContext.Current.CancellationToken;
        await CreateQuartzTablesAsync(connection, ct);
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var inbox = Path.Combine(warehouse.Directory, "inbox");
        Directory.CreateDirectory(inbox);
        for (var i = 0; i < 6; i++)
            await File.WriteAllTextAsync(Path.Combine(inbox, $"bc_{i}.csv"),
                $"unit_code,unit_name,period,indicator,value,value_kind\n672,,{2015 + i},cov_participants,{210_000 + i},actual\n", ct);
        var scheduler = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Inbox"] = inbox, ["Scheduler:IntervalSeconds"] = "1", ["Scheduler:SettleSeconds"] = "0",
            ["Scheduler:JobStore:Type"] = "sqlserver", ["Scheduler:JobStore:ConnectionString"] = connection,
            ["Scheduler:JobStore:SchedulerName"] = $"bhyt-test-{Guid.NewGuid():N}"[..30], ["Scheduler:JobStore:CheckinIntervalSeconds"] = "2",
        }).Build().GetSection("Scheduler");
        using var first = Host(warehouse, scheduler);
        using var second = Host(warehouse, scheduler);

        await first.StartAsync(ct);
        await second.StartAsync(ct);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.EnumerateFiles(inbox).Any() && DateTime.UtcNow < deadline) await Task.Delay(500, ct);
        await Task.Delay(3000, ct);
        var metadata = await (await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct)).GetMetadata(ct);
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.True(metadata.JobStoreClustered && metadata.JobStorePersistent);
        Assert.Equal(6, (await warehouse.Engine.QueryAsync<string>("SELECT status FROM etl.submission WHERE status = 'loaded'")).Count());
    }

    private static IHost Host(TempWarehouse warehouse, IConfiguration scheduler)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddBhytScheduler(warehouse.Engine, scheduler);
        return builder.Build();
    }

    private static async Task CreateQuartzTablesAsync(string connectionString, CancellationToken ct)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.SqlFolder("sqlserver"), "quartz", "tables_sqlServer.sql"), ct);
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var batch in System.Text.RegularExpressions.Regex.Split(script, @"^\s*GO\s*$", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            if (string.IsNullOrWhiteSpace(batch)) continue;
            await using var command = new SqlCommand(batch, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
