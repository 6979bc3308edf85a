using Bhyt.Etl.Audit;
using Bhyt.Etl.Scheduling;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bhyt.Tests.Etl.Audit;

/// <summary>Imports are recorded whichever door they come through: <c>bhyt import</c> (as the OS user) and the inbox (as the system).</summary>
[Collection("Console")]
public class ImportAuditTests
{
    private const string Header = "unit_code,unit_name,period,indicator,value,value_kind\n";

    private static Task<List<(string Channel, string User, string Subject, string Outcome, long? Rows, string Detail)>> ImportsAsync(TempWarehouse warehouse) =>
        warehouse.Engine.QueryAsync<(string, string, string, string, long?, string)>(
            "SELECT channel, user_name, subject, outcome, row_count, detail FROM rpt.audit WHERE action = 'import' ORDER BY subject");

    [Fact]
    public async Task Import_command_records_each_file_as_the_operating_system_user()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var good = Path.Combine(warehouse.Directory, "kon-tum-2021.csv");
        var bad = Path.Combine(warehouse.Directory, "loi-2021.csv");
        await File.WriteAllTextAsync(good, Header + "62,,2021,kcb_visits,1.234,\n62,,2022,kcb_visits,1.301,\n");
        await File.WriteAllTextAsync(bad, Header + "62,,2021,kcb_visits,1.2.3x,\n");

        var run = await CliRun.RunAsync("import", good, bad, "--warehouse", warehouse.Path);

        Assert.True(run.ExitCode == 1, run.ToString());
        var imports = await ImportsAsync(warehouse);
        Assert.Equal([("cli", Environment.UserName, "kon-tum-2021.csv", "success", 2L), ("cli", Environment.UserName, "loi-2021.csv", "failure", 0L)],
            imports.Select(i => (i.Channel, i.User, i.Subject, i.Outcome, i.Rows!.Value)));
        Assert.StartsWith("kon-tum-2021.csv: loaded rows=2", imports[0].Detail);
    }

    [Fact]
    public async Task Inbox_records_each_file_it_loads_or_quarantines_as_the_system()
    {
        await using var warehouse = await TempWarehouse.InitialisedAsync();
        var options = new InboxOptions(Path.Combine(warehouse.Directory, "inbox"), TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Directory.CreateDirectory(options.Inbox);
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "20261129-031500-dak-lak.csv"), Header + "66,,2023,cov_participants,1.650.000,actual\n");
        await File.WriteAllTextAsync(Path.Combine(options.Inbox, "20261129-031501-hong.csv"), Header + "66,,2023,cov_participants,abc,actual\n");

        await new InboxProcessor(warehouse.Engine, options, NullLogger<InboxProcessor>.Instance, audit: new AuditTrail(warehouse.Engine))
            .RunOnceAsync(CancellationToken.None);

        Assert.Equal([("scheduler", "system", "20261129-031500-dak-lak.csv", "success", 1L), ("scheduler", "system", "20261129-031501-hong.csv", "failure", 0L)],
            (await ImportsAsync(warehouse)).Select(i => (i.Channel, i.User, i.Subject, i.Outcome, i.Rows!.Value)));
    }
}
