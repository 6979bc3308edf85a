using Bhyt.Etl.Cli;
using Bhyt.Tests.Support;
using Bhyt.Warehouse;
using Bhyt.Warehouse.Schema;

namespace Bhyt.Tests.Etl.Cli;

/// <summary>
/// A warehouse an earlier version made (its schema scripts stop short of this version's) is refused by the verbs that use
/// its tables, with the command that upgrades it — not half-way with a missing table; after <c>bhyt init</c> the same
/// command loads.
/// </summary>
[Collection("Console")]
public sealed class OutdatedWarehouseTests
{
    [Fact]
    public async Task Import_detect_and_alerts_refuse_a_warehouse_whose_schema_is_behind_and_name_bhyt_init()
    {
        await using var warehouse = TempWarehouse.Empty();
        var latest = MigrationScript.For(warehouse.Engine.Name).Where(s => !s.IsRepeatable).Max(s => s.Version);
        await new WarehouseInitializer(warehouse.Engine) { UpToVersion = latest - 1 }.InitAsync(CancellationToken.None);
        var file = Path.Combine(warehouse.Directory, "a.csv");
        await File.WriteAllTextAsync(file, "unit_code,unit_name,period,indicator,value,value_kind\n672,,2021,kcb_visits,1.234,\n");

        foreach (var args in new[] { ["import", file], ["detect"], new[] { "alerts" } })
        {
            var run = await CliRun.RunAsync([.. args, "--warehouse", warehouse.Path]);
            Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
            Assert.Contains("[warehouse.outdated]", run.Error);
            Assert.Contains($"bhyt init --warehouse {warehouse.Path}", run.Error);
            Assert.Contains(MigrationScript.For(warehouse.Engine.Name).Single(s => s.Version == latest).Name, run.Error);
        }

        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("init", "--warehouse", warehouse.Path)).ExitCode);
        var loaded = await CliRun.RunAsync("import", file, "--warehouse", warehouse.Path);
        Assert.True(loaded.ExitCode == ExitCodes.Ok, loaded.ToString());
        Assert.Contains("loaded rows=1", loaded.Out);
    }
}
