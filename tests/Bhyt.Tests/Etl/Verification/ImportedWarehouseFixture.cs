using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Verification;

/// <summary>
/// A warehouse loaded through the CLI as a user would: a generated district (facilities, 3,000 claims, fund and coverage
/// submissions), then a second submission restating one figure, so the history has a superseded value. Tests damage copies.
/// </summary>
public sealed class ImportedWarehouseFixture : IAsyncLifetime
{
    private TempWarehouse _master = null!;

    /// <summary>The unit, period and indicator of the restated figure (its first value is superseded).</summary>
    public (string Unit, string Period, string Indicator) Restated { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _master = TempWarehouse.Empty();
        var generated = Path.Combine(_master.Directory, "generated");
        await RunAsync("generate", "--out", generated, "--scale", "district", "--claims", "3000", "--from", "2021", "--to", "2023", "--seed", "19");
        await RunAsync("init", "--warehouse", _master.Path);
        await RunAsync("import", generated, "--warehouse", _master.Path);

        var first = File.ReadLines(Path.Combine(generated, "submissions.csv")).Skip(1).First().Split(',');
        Restated = (first[0], first[2], first[3]);
        var restatement = Path.Combine(_master.Directory, "restatement.csv");
        await File.WriteAllTextAsync(restatement,
            $"unit_code,unit_name,period,indicator,value,value_kind\n{first[0]},,{first[2]},{first[3]},{decimal.Parse(first[4]) + 1000},actual\n");
        await RunAsync("import", restatement, "--warehouse", _master.Path);
    }

    /// <summary>A private copy of the loaded warehouse, to damage.</summary>
    public TempWarehouse Copy()
    {
        var copy = TempWarehouse.Empty();
        foreach (var file in Directory.GetFiles(_master.Directory, Path.GetFileName(_master.Path) + "*"))
            File.Copy(file, Path.Combine(copy.Directory, Path.GetFileName(file)));
        return copy;
    }

    public ValueTask DisposeAsync() => _master.DisposeAsync();

    private static async Task RunAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        if (run.ExitCode != ExitCodes.Ok) throw new InvalidOperationException(run.ToString());
    }
}
