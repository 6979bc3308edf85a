using Bhyt.Etl.Cli;
using Bhyt.Tests.Etl.Cli;
using Bhyt.Tests.Support;

namespace Bhyt.Tests.Etl.Verification;

/// <summary>
/// A warehouse loaded through the CLI as a user would: a generated district (facilities, 3,000 claims, fund and coverage
/// submissions), then a second submission restating one figure, so the history has a superseded value, and a claims file
/// resubmitting 20 claims with a higher cost, so 20 claims have a replaced version. Tests damage copies.
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

        var resubmission = Path.Combine(_master.Directory, "claims-corrected.csv");
        var claims = File.ReadLines(Path.Combine(generated, "claims.csv")).Take(ResubmittedClaims + 1).ToList();
        await File.WriteAllLinesAsync(resubmission, claims.Take(1).Concat(claims.Skip(1).Select(Costlier)));
        await RunAsync("import", resubmission, "--warehouse", _master.Path);
    }

    public const int ResubmittedClaims = 20;

    // The same claim (MA_LK, facility) with 1,000 đồng more of total cost, paid by the patient (T_TONGCHI, T_BNCCT).
    private static string Costlier(string line)
    {
        var fields = line.Split(',');
        foreach (var column in new[] { 8, 10 }) fields[column] = (decimal.Parse(fields[column]) + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(',', fields);
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
